package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Every medium of the property in its display order: the first is shown first (display order 1). */
@Revision("1")
public record MediaReordered(PropertyMediaId propertyMediaId,
                             PropertyId propertyId,
                             List<MediaId> order,
                             UserId reorderedBy) {
}
