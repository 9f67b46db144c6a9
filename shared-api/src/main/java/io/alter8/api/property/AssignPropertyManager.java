package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives the running of the property to a property manager, or takes it away ({@code managerId} null). */
public record AssignPropertyManager(@TargetAggregateIdentifier PropertyId propertyId,
                                    UserId managerId,
                                    Actor requestedBy,
                                    @TargetAggregateVersion Long expectedVersion) {
}
