package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a medium from the property's media; its files and smaller versions are deleted after. */
public record DeleteMedia(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                          MediaId mediaId,
                          Actor requestedBy,
                          @TargetAggregateVersion Long expectedVersion) {
}
