package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The smaller versions of an image are stored (sent by the service). */
public record CompleteMediaProcessing(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                                      MediaId mediaId,
                                      List<MediaRendition> renditions) {
}
