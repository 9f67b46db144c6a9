package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the property's HUD approval. */
public record RecordHudApproval(@TargetAggregateIdentifier PropertyId propertyId,
                                HudApproval approval,
                                Actor requestedBy,
                                @TargetAggregateVersion Long expectedVersion) {
}
