package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A medium was removed from the property's media. {@code fileIds} are the files it held (the upload and its smaller
 * versions), which the file store deletes after; {@code order} is every medium left, in display order (the first is
 * display order 1), so views close the gap without counting.
 */
@Revision("1")
public record MediaDeleted(PropertyMediaId propertyMediaId,
                           PropertyId propertyId,
                           MediaId mediaId,
                           List<String> fileIds,
                           List<MediaId> order,
                           UserId deletedBy,
                           Instant deletedAt) {
}
