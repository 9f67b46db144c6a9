package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** One photo, video, 360 tour or floor plan of a property. */
public record MediaId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MediaId {
        Objects.requireNonNull(value, "media id");
    }

    public static MediaId random() {
        return new MediaId(UUID.randomUUID());
    }

    public static MediaId of(String text) {
        return new MediaId(TypedId.parse(text, "media id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
