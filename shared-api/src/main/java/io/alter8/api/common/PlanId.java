package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record PlanId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PlanId {
        Objects.requireNonNull(value, "plan id");
    }

    public static PlanId random() {
        return new PlanId(UUID.randomUUID());
    }

    public static PlanId of(String text) {
        return new PlanId(TypedId.parse(text, "plan id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
