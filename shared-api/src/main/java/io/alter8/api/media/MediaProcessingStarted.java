package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The making of an image's smaller versions began: {@code attempt} 1, or more when a crash cut one short. */
@Revision("1")
public record MediaProcessingStarted(PropertyMediaId propertyMediaId,
                                     PropertyId propertyId,
                                     MediaId mediaId,
                                     int attempt,
                                     Instant startedAt) {
}
