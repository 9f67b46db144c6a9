package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record SubscriptionId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SubscriptionId {
        Objects.requireNonNull(value, "subscription id");
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    public static SubscriptionId of(String text) {
        return new SubscriptionId(TypedId.parse(text, "subscription id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
