package io.alter8.command.web;

import io.alter8.api.common.TypedId;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.RequestContext;
import io.alter8.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a command on behalf of an HTTP request and shapes the answer of docs/api.md: {@code {id, version,
 * position}}, an {@code ETag} of the version, and for creations 201 with the query side's {@code Location}.
 */
@Component
public class CommandSender {

    /**
     * On a creation's command: the id of the aggregate it creates, when this service made that id for it. Only this
     * class sets it, on its way from a request to the command bus; events do not inherit it.
     */
    public static final String MADE_ID = "madeAggregateId";

    private static final Pattern IF_MATCH = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final EventPositions positions;
    private final ProcessOutcomes outcomes;
    private final HttpServletRequest request;
    private final String queryBaseUrl;

    CommandSender(CommandGateway gateway, EventStore eventStore, EventPositions positions, ProcessOutcomes outcomes,
                  HttpServletRequest request, @Value("${alter8.query-side.base-url}") String queryBaseUrl) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.positions = positions;
        this.outcomes = outcomes;
        this.request = request;
        this.queryBaseUrl = queryBaseUrl.endsWith("/") ? queryBaseUrl.substring(0, queryBaseUrl.length() - 1)
                                                       : queryBaseUrl;
    }

    /**
     * A command that creates the aggregate {@code id}, readable afterwards at {@code queryPath} on the query side. An
     * id another kind of aggregate already has (a user registered with a property's id) is a 409: that stream cannot
     * be read as this aggregate, and the id must not say what it belongs to.
     */
    public ResponseEntity<CommandAccepted> create(Object command, TypedId id, String queryPath) {
        return create(command, id, metaData(), queryPath);
    }

    /**
     * As {@link #create(Object, TypedId, String)}, for a creation whose id the client may leave to the server:
     * {@code requested} is the id the client sent, or null when {@code id} was made here ({@code random()}). No
     * stream can have an id made here yet, so its creation does not ask the store whether one does
     * ({@link #MADE_ID}).
     */
    public ResponseEntity<CommandAccepted> create(Object command, TypedId id, UUID requested, String queryPath) {
        MetaData metaData = metaData();
        return create(command, id, requested == null ? metaData.and(MADE_ID, id.toString()) : metaData, queryPath);
    }

    private ResponseEntity<CommandAccepted> create(Object command, TypedId id, MetaData metaData, String queryPath) {
        try {
            return created(send(command, id, metaData), queryPath);
        } catch (IncompatibleAggregateException e) {
            throw idTaken(id.toString());
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof IncompatibleAggregateException ? idTaken(id.toString()) : e;
        }
    }

    /** The refusal of a creation whose id another kind of aggregate holds, without naming that kind. */
    public static DomainRuleViolation idTaken(String id) {
        return new DomainRuleViolation("id-taken", "the id " + id + " is already taken; send another or none");
    }

    /**
     * A creation inside aggregate {@code target} by the caller (a unit of a property), applied only at the version of
     * {@code If-Match} if it was sent (412 otherwise); answered as {@link #create(Object, TypedId, String)}.
     */
    public <I extends TypedId> ResponseEntity<CommandAccepted> create(I target, String ifMatch, Change<I> change,
                                                                      String queryPath) {
        return create(change.command(target, Callers.actor(), expectedVersion(ifMatch)), target, queryPath);
    }

    /**
     * A change of aggregate {@code target} by the caller, applied only at the version of {@code If-Match} if it was
     * sent, whose process then creates another, {@code created}, of the type {@code createdType} (a property
     * accepting a verification request; the verification process opens it): 201 with {@code created}'s Location,
     * version and position once the process created it ({@link ProcessOutcomes}, a few seconds at most), else 202
     * with that Location and the target's answer. An id another kind of aggregate holds is refused first, as in
     * {@link #create}: the process could never create it.
     */
    public <I extends TypedId> ResponseEntity<CommandAccepted> createThrough(I target, String ifMatch,
                                                                             Change<I> change, TypedId created,
                                                                             String createdType, String queryPath) {
        Object command = change.command(target, Callers.actor(), expectedVersion(ifMatch));
        String createdId = created.toString();
        if (outcomes.heldByAnotherKind(created, createdType)) {
            throw idTaken(createdId);
        }
        CommandAccepted request = send(command, target, metaData());
        return outcomes.awaitCreated(created)
                       .map(version -> created(new CommandAccepted(createdId, version,
                                                                   positions.positionOf(createdId, version)),
                                               queryPath))
                       .orElseGet(() -> ResponseEntity.accepted().location(URI.create(queryBaseUrl + queryPath))
                                                      .eTag(ETags.of(request.version())).body(request));
    }

    private ResponseEntity<CommandAccepted> created(CommandAccepted accepted, String queryPath) {
        return ResponseEntity.created(URI.create(queryBaseUrl + queryPath))
                             .eTag(ETags.of(accepted.version()))
                             .body(accepted);
    }

    /**
     * A change of aggregate {@code id} by the caller, applied only at the version of {@code If-Match} if it was sent
     * (412 otherwise): 200 with {@code {id, version, position}} and the version as ETag. The one way a controller
     * sends a change with If-Match.
     */
    public <I extends TypedId> ResponseEntity<CommandAccepted> change(I id, String ifMatch, Change<I> change) {
        return changed(change.command(id, Callers.actor(), expectedVersion(ifMatch)), id);
    }

    /** A change whose command takes no expected version (so no If-Match), answered as the one above. */
    public <I extends TypedId> ResponseEntity<CommandAccepted> change(I id, BiFunction<I, Actor, Object> change) {
        return changed(change.apply(id, Callers.actor()), id);
    }

    /** The command of a {@link #change}: for this aggregate, by this caller, at this expected version (or null). */
    @FunctionalInterface
    public interface Change<I extends TypedId> {

        Object command(I id, Actor by, Long expectedVersion);
    }

    private ResponseEntity<CommandAccepted> changed(Object command, TypedId id) {
        CommandAccepted accepted = send(command, id, metaData());
        return ResponseEntity.status(HttpStatus.OK)
                             .header(HttpHeaders.ETAG, ETags.of(accepted.version()))
                             .body(accepted);
    }

    /** The version an {@code If-Match} header asks for ({@code "3"}, or weak {@code W/"3"}), or null without one. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = IF_MATCH.matcher(ifMatch);
        if (!m.matches()) {
            throw ApiException.badInput("If-Match", "must be one quoted version, like \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Sends {@code command} with {@code metaData} (taken from the request by {@link #metaData()}) and answers as
     * {@link #change} does, without touching the request: for bulk paths that send from other threads.
     */
    public CommandAccepted send(Object command, TypedId id, MetaData metaData) {
        CommandOutcome outcome = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                          .withMetaData(metaData));
        String aggregateId = id.toString();
        if (outcome != null && outcome.appliedEvents()) {
            long version = outcome.lastSequence();
            long position = outcome.stored().positionOf(aggregateId, version)
                                   .orElseGet(() -> positions.positionOf(aggregateId, version));
            return new CommandAccepted(aggregateId, version, position);
        }
        // A new aggregate, whose events are applied only as its unit of work commits: its last event stored then.
        // Already satisfied (nothing stored): the version and position are the store's, read in one query.
        return Optional.ofNullable(outcome).flatMap(o -> o.stored().last(aggregateId))
                       .map(last -> new CommandAccepted(aggregateId, last.sequence(), last.position()))
                       .or(() -> positions.last(aggregateId))
                       .orElseThrow(() -> new IllegalStateException("no events for " + aggregateId));
    }

    /** The version of aggregate {@code id} in the store, if it has any events. */
    public Optional<Long> currentVersion(TypedId id) {
        return eventStore.lastSequenceNumberFor(id.toString());
    }

    /** What every command of this request carries: who, correlation id, client address, idempotency key. */
    public MetaData metaData() {
        Map<String, Object> meta = new HashMap<>();
        putIfPresent(meta, "correlationId", RequestContext.correlationId(request));
        putIfPresent(meta, "clientIp", RequestContext.clientIp(request));
        putIfPresent(meta, "idempotencyKey", RequestContext.idempotencyKey(request));
        CurrentUser.get().ifPresent(user -> {
            meta.put("userId", user.id().toString());
            meta.put("userRoles", String.join(",", user.roles().stream().sorted().toList()));
        });
        return MetaData.from(meta);
    }

    private static void putIfPresent(Map<String, Object> meta, String key, String value) {
        if (value != null && !value.isBlank()) {
            meta.put(key, value);
        }
    }
}
