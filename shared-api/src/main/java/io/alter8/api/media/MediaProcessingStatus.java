package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * The making of an image's smaller versions: pending → processing → completed, or failed with a reason. Media without
 * versions to make are completed at upload.
 */
public enum MediaProcessingStatus implements WireEnum {
    PENDING, PROCESSING, COMPLETED, FAILED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static MediaProcessingStatus fromWire(String value) {
        return WireEnum.fromWire(MediaProcessingStatus.class, value);
    }
}
