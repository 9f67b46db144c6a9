package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The background maker of smaller versions takes an image up (sent by the service, not a user): refused when the image
 * is completed or failed already, so a redelivered event makes nothing twice.
 */
public record StartMediaProcessing(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                                   MediaId mediaId) {
}
