package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property's primary photo is now {@code mediaId}; {@code previous} (null when there was none) is no longer. */
@Revision("1")
public record PrimaryMediaChosen(PropertyMediaId propertyMediaId,
                                 PropertyId propertyId,
                                 MediaId mediaId,
                                 MediaId previous,
                                 UserId chosenBy) {
}
