package io.alter8.api.property;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;

/**
 * A listing's primary photo: its medium, and where its thumbnail is downloaded (the command side's media download
 * with {@code ?size=thumbnail}, a path on the command side, which holds the bytes).
 */
public record PrimaryPhoto(MediaId mediaId, String thumbnail) {

    public static PrimaryPhoto of(PropertyId propertyId, MediaId mediaId) {
        return new PrimaryPhoto(mediaId, "/api/properties/" + propertyId + "/media/" + mediaId
                + "/content?size=thumbnail");
    }
}
