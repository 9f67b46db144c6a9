package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Puts every medium of the property in the given display order (each exactly once). */
public record ReorderMedia(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                           List<MediaId> order,
                           Actor requestedBy,
                           @TargetAggregateVersion Long expectedVersion) {
}
