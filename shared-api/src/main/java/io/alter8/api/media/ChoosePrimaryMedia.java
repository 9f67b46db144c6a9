package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes a public image the property's primary photo. */
public record ChoosePrimaryMedia(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                                 MediaId mediaId,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
