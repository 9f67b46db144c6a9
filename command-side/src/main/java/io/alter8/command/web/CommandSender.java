package io.alter8.command.web;

import io.alter8.api.common.TypedId;
import io.alter8.api.user.Actor;
import io.alter8.web.ETags;
import io.alter8.web.RequestContext;
import io.alter8.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

/**
 * Sends a command on behalf of an HTTP request and shapes the answer of docs/api.md: {@code {id, version,
 * position}}, an {@code ETag} of the version, and for creations 201 with the query side's {@code Location}.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final EventPositions positions;
    private final HttpServletRequest request;
    private final String queryBaseUrl;

    CommandSender(CommandGateway gateway, EventStore eventStore, EventPositions positions,
                  HttpServletRequest request, @Value("${alter8.query-side.base-url}") String queryBaseUrl) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.positions = positions;
        this.request = request;
        this.queryBaseUrl = queryBaseUrl.endsWith("/") ? queryBaseUrl.substring(0, queryBaseUrl.length() - 1)
                                                       : queryBaseUrl;
    }

    /** A command that creates the aggregate {@code id}, readable afterwards at {@code queryPath} on the query side. */
    public ResponseEntity<CommandAccepted> create(Object command, TypedId id, String queryPath) {
        return created(send(command, id, metaData()), queryPath);
    }

    /**
     * A command to one aggregate whose process creates another, {@code created}, in the same transaction (a property
     * accepting a verification request opens the verification): 201 with {@code created}'s Location, and its version
     * and position as the store has them once the command committed.
     */
    public ResponseEntity<CommandAccepted> createThrough(Object command, TypedId created, String queryPath) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData()));
        String createdId = created.toString();
        long version = currentVersion(created)
                .orElseThrow(() -> new IllegalStateException("nothing created for " + createdId));
        return created(new CommandAccepted(createdId, version, positions.positionOf(createdId, version)), queryPath);
    }

    private ResponseEntity<CommandAccepted> created(CommandAccepted accepted, String queryPath) {
        return ResponseEntity.created(URI.create(queryBaseUrl + queryPath))
                             .eTag(ETags.of(accepted.version()))
                             .body(accepted);
    }

    /** Any other command on the aggregate {@code id}. */
    public ResponseEntity<CommandAccepted> update(Object command, TypedId id) {
        CommandAccepted accepted = send(command, id, metaData());
        return ResponseEntity.status(HttpStatus.OK)
                             .header(HttpHeaders.ETAG, ETags.of(accepted.version()))
                             .body(accepted);
    }

    /**
     * A change of aggregate {@code id} by the caller, applied only at the version of {@code If-Match} if it was sent
     * (412 otherwise); answered as {@link #update}.
     */
    public <I extends TypedId> ResponseEntity<CommandAccepted> change(I id, String ifMatch, Change<I> change) {
        return update(change.command(id, Callers.actor(), ETags.parseIfMatch(ifMatch)), id);
    }

    /** The command of a {@link #change}: for this aggregate, by this caller, at this expected version (or null). */
    @FunctionalInterface
    public interface Change<I extends TypedId> {

        Object command(I id, Actor by, Long expectedVersion);
    }

    /**
     * Sends {@code command} with {@code metaData} (taken from the request by {@link #metaData()}) and answers as
     * {@link #update} does, without touching the request: for bulk paths that send from other threads.
     */
    public CommandAccepted send(Object command, TypedId id, MetaData metaData) {
        CommandOutcome outcome = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                          .withMetaData(metaData));
        String aggregateId = id.toString();
        long version = outcome != null && outcome.appliedEvents()
                ? outcome.lastSequence()
                // Already satisfied (or a new aggregate, whose events are stored only as its unit of work commits):
                // the version is the store's.
                : currentVersion(id).orElseThrow(() -> new IllegalStateException("no events for " + aggregateId));
        return new CommandAccepted(aggregateId, version, positions.positionOf(aggregateId, version));
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
