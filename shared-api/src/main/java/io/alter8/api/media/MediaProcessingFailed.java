package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An image's smaller versions could not be made, and why (a corrupt or unreadable image). */
@Revision("1")
public record MediaProcessingFailed(PropertyMediaId propertyMediaId,
                                    PropertyId propertyId,
                                    MediaId mediaId,
                                    String reason,
                                    Instant failedAt) {
}
