package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * A tenant's background or credit check. The union of the marketplace model's statuses
 * ({@code pending, in_progress, passed, failed}) and the management model's
 * ({@code not_submitted, pending, approved, denied}); its {@code approved} and {@code denied} are the same outcomes as
 * the marketplace model's {@code passed} and {@code failed} and are stored as those.
 */
public enum CheckStatus implements WireEnum {
    NOT_SUBMITTED, PENDING, IN_PROGRESS, PASSED, FAILED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static CheckStatus fromWire(String value) {
        return WireEnum.fromWire(CheckStatus.class, value);
    }
}
