package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * How a tenant is related to a property: {@code leased}, a lease of theirs occupied one of its units (now or in the
 * past); {@code applied}, they applied to rent it (recorded once applications exist: the leasing issue).
 */
public enum TenantRelation implements WireEnum {
    LEASED, APPLIED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static TenantRelation fromWire(String value) {
        return WireEnum.fromWire(TenantRelation.class, value);
    }
}
