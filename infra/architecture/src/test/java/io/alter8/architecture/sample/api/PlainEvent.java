package io.alter8.architecture.sample.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PlainEvent(@TargetAggregateIdentifier String id) {
}
