package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record UnitId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public UnitId {
        Objects.requireNonNull(value, "unit id");
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    public static UnitId of(String text) {
        return new UnitId(TypedId.parse(text, "unit id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
