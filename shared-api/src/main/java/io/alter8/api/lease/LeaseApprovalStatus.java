package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Who has agreed to a lease's terms (marketplace model {@code leases.approval_status}); {@code tenant_approved} needs
 * every tenant.
 */
public enum LeaseApprovalStatus implements WireEnum {
    PENDING, OWNER_APPROVED, TENANT_APPROVED, FULLY_APPROVED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static LeaseApprovalStatus fromWire(String value) {
        return WireEnum.fromWire(LeaseApprovalStatus.class, value);
    }
}
