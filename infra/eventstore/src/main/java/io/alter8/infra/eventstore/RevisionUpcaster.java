package io.alter8.infra.eventstore;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Function;

/**
 * Turns one event type's stored JSON from one revision into the next; a subclass says only how the payload changes.
 * The type's name stays a constant of the subclass, where the stored-event check finds it.
 */
public abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    protected RevisionUpcaster(String type, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(type, fromRevision);
        this.to = new SimpleSerializedType(type, toRevision);
    }

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(to, ObjectNode.class, event -> revise(event, representation),
                                     Function.identity());
    }

    /** The payload in the next revision; {@code representation} gives the event's metadata where that is needed. */
    protected abstract ObjectNode revise(ObjectNode event, IntermediateEventRepresentation representation);
}
