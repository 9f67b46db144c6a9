package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record VerificationId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public VerificationId {
        Objects.requireNonNull(value, "verification id");
    }

    public static VerificationId random() {
        return new VerificationId(UUID.randomUUID());
    }

    public static VerificationId of(String text) {
        return new VerificationId(TypedId.parse(text, "verification id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
