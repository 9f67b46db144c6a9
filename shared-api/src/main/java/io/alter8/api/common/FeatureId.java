package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record FeatureId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FeatureId {
        Objects.requireNonNull(value, "feature id");
    }

    public static FeatureId random() {
        return new FeatureId(UUID.randomUUID());
    }

    public static FeatureId of(String text) {
        return new FeatureId(TypedId.parse(text, "feature id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
