package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record LeaseId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LeaseId {
        Objects.requireNonNull(value, "lease id");
    }

    public static LeaseId random() {
        return new LeaseId(UUID.randomUUID());
    }

    public static LeaseId of(String text) {
        return new LeaseId(TypedId.parse(text, "lease id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
