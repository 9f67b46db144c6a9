package io.alter8.api.property;

import io.alter8.api.common.UserId;

/** Who someone on a property is, by name only: no contact or personal data. {@code name} is null if unknown. */
public record PersonSummary(UserId id, String name) {
}
