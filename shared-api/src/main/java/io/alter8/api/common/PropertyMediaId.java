package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The media of one property as one aggregate. Its id is derived from the property's, so every side finds it from
 * the property alone; it differs from the property's because each aggregate needs an id of its own.
 */
public record PropertyMediaId(@JsonValue UUID value) implements TypedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PropertyMediaId {
        Objects.requireNonNull(value, "property media id");
    }

    public static PropertyMediaId of(PropertyId property) {
        return new PropertyMediaId(UUID.nameUUIDFromBytes(("property-media:" + property.value())
                                                                  .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
