package io.alter8.command.audit;

import io.alter8.command.audit.AggregateTypes.AggregateType;
import io.alter8.infra.eventstore.AggregateSnapshots;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An aggregate as it was after one of its events: Axon's own model of the aggregate class, fed its events from the
 * first up to that one (never a snapshot, which holds a later state), then written as its snapshot would be: every
 * field of the aggregate and its members, under the field's name. That is the documented shape of each type
 * (docs/audit.md), and it follows the class when an aggregate gains a field. The events are read through Axon's
 * {@code EventStore} from sequence 0, which skips snapshots, on the JDBC store and Axon Server alike.
 */
@Component
class HistoricState {

    private final Configuration axon;
    private final EventStore events;
    private final AuditViews views;
    private final JsonMapper json;
    private final Serializer fields = AggregateSnapshots.serializer();
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    HistoricState(Configuration axon, EventStore events, AuditViews views, JsonMapper json) {
        this.axon = axon;
        this.events = events;
        this.views = views;
        this.json = json;
    }

    /** The fields of aggregate {@code id} after its event {@code lastSequence}, encrypted values masked. */
    JsonNode after(AggregateType type, String id, long lastSequence) {
        return views.masked(json.readTree(fields.serialize(rebuild(type.type(), id, lastSequence), byte[].class)
                                                .getData()));
    }

    @SuppressWarnings("unchecked")
    private <T> T rebuild(Class<T> type, String id, long lastSequence) {
        AggregateModel<T> model = (AggregateModel<T>) models.computeIfAbsent(
                type, AnnotatedAggregateMetaModelFactory::inspectAggregate);
        DomainEventStream all = events.readEvents(id, 0);
        DomainEventMessage<?> first = all.peek();
        T root = axon.aggregateFactory(type).createAggregateRoot(id, first);
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(
                root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(all.asStream().takeWhile(e -> e.getSequenceNumber()
                <= lastSequence)));
        return aggregate.getAggregateRoot();
    }
}
