package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Whether a user may act at all ({@code users.is_active}). A deactivated user can only be reactivated; an erased one
 * never acts again, and their personal data is gone.
 */
public enum AccountStatus implements WireEnum {
    ACTIVE, INACTIVE, ERASED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AccountStatus fromWire(String value) {
        return WireEnum.fromWire(AccountStatus.class, value);
    }
}
