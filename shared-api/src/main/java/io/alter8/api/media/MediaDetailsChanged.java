package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A medium's room, tags and visibility as they now are (all three, whichever changed). */
@Revision("1")
public record MediaDetailsChanged(PropertyMediaId propertyMediaId,
                                  PropertyId propertyId,
                                  MediaId mediaId,
                                  RoomType roomType,
                                  List<String> tags,
                                  MediaVisibility visibility,
                                  UserId changedBy,
                                  Instant changedAt) {
}
