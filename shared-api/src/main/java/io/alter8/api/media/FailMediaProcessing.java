package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An image's smaller versions could not be made (sent by the service). */
public record FailMediaProcessing(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                                  MediaId mediaId,
                                  String reason) {
}
