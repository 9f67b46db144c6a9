package io.alter8.command.audit;

import io.alter8.merkle.EventLeaf;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log's leaves when Axon Server stores the events ({@code alter8.audit.reader=event-store}): no database
 * trigger sees them there, so this processor reads Axon Server's stream in order, from its first event, and writes each
 * event's leaf into {@code audit_leaf}, the table the trigger fills on the JDBC store, with the same definition
 * ({@link LogVerifier#leafOf}) over the event as {@link EventStoreHistory} reads it. The tree, checkpoints, proofs and
 * verify work from there as on the JDBC store.
 * <p>
 * A leaf is written when this processor reads the event, not in the event's own transaction: what it proves starts
 * there (docs/audit.md, "Under Axon Server"). Its token lives in PostgreSQL with the leaves, so a batch of leaves and
 * its token commit together. One segment keeps leaves in position order; an error stops the processor and is retried
 * rather than skipped, since a skipped event would read later as removed. A leaf once written is never replaced: a
 * replay that meets an event again keeps the first leaf, which is the evidence.
 */
@Component
@ProcessingGroup(AuditLeafRecorder.PROCESSING_GROUP)
@ConditionalOnProperty(name = EventStoreHistory.READER, havingValue = "event-store")
class AuditLeafRecorder {

    static final String PROCESSING_GROUP = "audit-leaves";

    private final EventStoreHistory history;
    private final JdbcTemplate jdbc;
    private final ThreadLocal<EventLeaf> leaves = ThreadLocal.withInitial(EventLeaf::new);

    AuditLeafRecorder(EventStoreHistory history, JdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        StoredEvent stored = history.stored(event, EventStoreHistory.position(token));
        jdbc.update("INSERT INTO audit_leaf (position, event_identifier, aggregate_identifier, leaf_hash) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT (position) DO NOTHING",
                    stored.position(), stored.eventId(), stored.aggregateId(),
                    LogVerifier.leafOf(leaves.get(), stored));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = EventStoreHistory.READER, havingValue = "event-store")
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule auditLeavesProcessingGroup() {
            return configurer -> configurer.eventProcessing()
                                           .registerPooledStreamingEventProcessor(
                                                   PROCESSING_GROUP, Configuration::eventStore,
                                                   (configuration, builder) -> builder
                                                           .initialToken(StreamableMessageSource::createTailToken)
                                                           .initialSegmentCount(1)
                                                           .batchSize(100))
                                           .registerListenerInvocationErrorHandler(
                                                   PROCESSING_GROUP,
                                                   configuration -> PropagatingErrorHandler.instance());
        }
    }
}
