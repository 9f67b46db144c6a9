package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** In what capacity someone approves or signs a lease: for the owner, as a tenant, or as a witness. */
public enum LeaseParty implements WireEnum {
    OWNER, TENANT, WITNESS;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static LeaseParty fromWire(String value) {
        return WireEnum.fromWire(LeaseParty.class, value);
    }
}
