package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record PropertyId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PropertyId {
        Objects.requireNonNull(value, "property id");
    }

    public static PropertyId random() {
        return new PropertyId(UUID.randomUUID());
    }

    public static PropertyId of(String text) {
        return new PropertyId(TypedId.parse(text, "property id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
