package io.alter8.command.audit;

import io.alter8.command.audit.AggregateTypes.AggregateType;
import io.alter8.command.audit.AuditViews.AuditEventView;
import io.alter8.command.audit.Correlations.CorrelationView;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The history routes of docs/audit.md: one entity's events, the global log (paged by position, or streamed as JSON
 * Lines), an entity's state at a point in the past, and a correlation's why-timeline. Reads only; the event store
 * is on the command side, so they are too. They read through {@link EventHistory}, so they answer alike on the
 * PostgreSQL event store and on Axon Server.
 */
@RestController
@Tag(name = "Audit", description = "History and tamper evidence, for auditors and admins")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final Pattern EVENT_TYPE = Pattern.compile("^[A-Za-z_$][A-Za-z0-9_.$]{0,254}$");
    private static final Pattern CORRELATION_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private final EventHistory log;
    private final AuditViews views;
    private final AggregateTypes types;
    private final HistoricState states;
    private final JsonMapper json;

    AuditController(EventHistory log, AuditViews views, AggregateTypes types, HistoricState states, JsonMapper json) {
        this.log = log;
        this.views = views;
        this.types = types;
        this.states = states;
        this.json = json;
    }

    record AggregateHistory(String aggregateType, String aggregateId, List<AuditEventView> events) {
    }

    record EventPage(List<AuditEventView> items, int size, Long nextAfterPosition) {
    }

    record StateView(String aggregateType, String aggregateId, long version, long position, Instant timestamp,
                     JsonNode state) {
    }

    @GetMapping(value = "/api/audit/{aggregateType}/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every event of one entity, in order",
               description = "Type, revision, sequence, global position, timestamp, payload (encrypted values "
                       + "masked) and metadata. 404 when the entity has no events.")
    AggregateHistory aggregateEvents(@PathVariable String aggregateType, @PathVariable String id) {
        AggregateType type = knownType(aggregateType, id);
        List<StoredEvent> stored = log.ofAggregate(type.storedName(), id);
        if (stored.isEmpty()) {
            throw ApiException.notFound(aggregateType, id);
        }
        return new AggregateHistory(type.urlName(), id, stored.stream().map(views::of).toList());
    }

    @GetMapping(value = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The global log, paged by position",
               description = "Filters: type (event class, simple or whole name), aggregateType, from (inclusive) and "
                       + "to (exclusive) instants, user, correlationId; afterPosition and size (at most 100) page "
                       + "it. nextAfterPosition is null on the last page. Send Accept: application/x-ndjson to "
                       + "stream every match as JSON Lines instead.")
    EventPage events(@ParameterObject EventQuery query, @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        EventFilter filter = filter(query, errors);
        Long pageSize = QueryParameters.whole("size", size, 1, Paging.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        int n = pageSize == null ? 20 : pageSize.intValue();
        List<AuditEventView> items = log.page(filter, n).stream().map(views::of).toList();
        return new EventPage(items, n, items.size() < n ? null : items.get(items.size() - 1).position());
    }

    @GetMapping(value = "/api/audit/events", produces = NDJSON)
    @Operation(summary = "The global log as JSON Lines",
               description = "Every matching event, one JSON object a line, in position order, read through a cursor "
                       + "so that any length streams in flat memory. Same filters as the paged list.")
    ResponseEntity<StreamingResponseBody> eventStream(@ParameterObject EventQuery query) {
        List<FieldError> errors = new ArrayList<>();
        EventFilter filter = filter(query, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        StreamingResponseBody body = out -> log.stream(filter, event -> {
            try {
                out.write(json.writeValueAsBytes(views.of(event)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    @GetMapping(value = "/api/audit/{aggregateType}/{id}/state", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One entity as it was at an instant or a position",
               description = "Rebuilt from its events up to the last one stored at or before `at` (an instant) and "
                       + "`position` (a global position); the latest state without either. The state is the "
                       + "aggregate's fields, encrypted values masked (docs/audit.md). 404 when it had no events "
                       + "then.")
    StateView state(@PathVariable String aggregateType, @PathVariable String id,
                    @RequestParam(required = false) String at, @RequestParam(required = false) String position) {
        List<FieldError> errors = new ArrayList<>();
        Instant instant = QueryParameters.instant("at", at, errors);
        Long upTo = QueryParameters.whole("position", position, log.firstPosition(), Long.MAX_VALUE, errors);
        AggregateType type = types.byUrlName(aggregateType).orElse(null);
        if (type != null) {
            QueryParameters.id("id", id, UUID::fromString, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        if (type == null) {
            throw ApiException.notFound("aggregate type", aggregateType);
        }
        StoredEvent last = log.lastUpTo(type.storedName(), id, upTo, instant)
                              .orElseThrow(() -> ApiException.notFound(aggregateType, id));
        return new StateView(type.urlName(), id, last.sequence(), last.position(), Instant.parse(last.timestamp()),
                             states.after(type, id, last.sequence()));
    }

    @GetMapping(value = "/api/audit/correlations/{correlationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The why-timeline of one correlation id",
               description = "The command that started it, the events it caused, and the commands processes sent in "
                       + "response (each naming the event that triggered it), in the order they were stored.")
    CorrelationView correlation(@PathVariable String correlationId) {
        if (!CORRELATION_ID.matcher(correlationId).matches()) {
            throw ApiException.badInput("correlationId", "must be 1 to 100 letters, digits or . _ : -");
        }
        List<AuditEventView> events = log.ofCorrelation(correlationId).stream().map(views::of).toList();
        if (events.isEmpty()) {
            throw ApiException.notFound("correlation", correlationId);
        }
        return Correlations.timeline(correlationId, events);
    }

    private AggregateType knownType(String aggregateType, String id) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameters.id("id", id, UUID::fromString, errors);
        AggregateType type = types.byUrlName(aggregateType).orElseThrow(
                () -> ApiException.notFound("aggregate type", aggregateType));
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return type;
    }

    /** The global log's filters as sent, checked in {@link #filter}, so that one 400 names every bad one. */
    record EventQuery(String type, String aggregateType, String from, String to, String user, String correlationId,
                      String afterPosition) {
    }

    private EventFilter filter(EventQuery query, List<FieldError> errors) {
        String type = QueryParameters.text(query.type());
        String aggregateType = QueryParameters.text(query.aggregateType());
        String correlationId = QueryParameters.text(query.correlationId());
        String user = QueryParameters.text(query.user());
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            errors.add(new FieldError("type", "must be an event's class name, like PropertyRegistered"));
        }
        String storedType = null;
        if (aggregateType != null) {
            storedType = types.byUrlName(aggregateType).map(AggregateType::storedName).orElse(null);
            if (storedType == null) {
                errors.add(new FieldError("aggregateType", "must be one of "
                        + String.join(", ", types.all().keySet())));
            }
        }
        Instant fromInstant = QueryParameters.instant("from", query.from(), errors);
        Instant toInstant = QueryParameters.instant("to", query.to(), errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (user != null) {
            QueryParameters.id("user", user, UUID::fromString, errors);
        }
        if (correlationId != null && !CORRELATION_ID.matcher(correlationId).matches()) {
            errors.add(new FieldError("correlationId", "must be 1 to 100 letters, digits or . _ : -"));
        }
        Long after = QueryParameters.whole("afterPosition", query.afterPosition(), 0, Long.MAX_VALUE, errors);
        // Before the first position when not given: Axon Server's is 0.
        return new EventFilter(type, storedType, fromInstant, toInstant, user, correlationId,
                               after == null ? -1 : after);
    }

}
