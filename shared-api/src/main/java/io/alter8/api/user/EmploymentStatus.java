package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * A tenant's employment (management model, {@code tenants.employment_status}, which lists no values: these are ours).
 */
public enum EmploymentStatus implements WireEnum {
    EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, STUDENT, RETIRED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static EmploymentStatus fromWire(String value) {
        return WireEnum.fromWire(EmploymentStatus.class, value);
    }
}
