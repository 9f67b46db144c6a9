package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** Whom an owner prefers to rent to (marketplace model {@code preferred_tenant_type}). */
public enum PreferredTenantType implements WireEnum {
    FAMILY, BACHELOR, COMPANY, ANY;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PreferredTenantType fromWire(String value) {
        return WireEnum.fromWire(PreferredTenantType.class, value);
    }
}
