package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An image's smaller versions are stored: one per {@link RenditionSize}. */
@Revision("1")
public record MediaProcessed(PropertyMediaId propertyMediaId,
                             PropertyId propertyId,
                             MediaId mediaId,
                             List<MediaRendition> renditions,
                             Instant processedAt) {
}
