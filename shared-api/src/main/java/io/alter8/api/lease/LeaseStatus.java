package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Where a lease is in its life (marketplace model {@code leases.status}). {@code renewed}: a renewal follows it, by
 * hand or automatically; it runs to its end date and then hands its unit to the renewal.
 */
public enum LeaseStatus implements WireEnum {
    DRAFT, PENDING_APPROVAL, ACTIVE, EXPIRED, TERMINATED, RENEWED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static LeaseStatus fromWire(String value) {
        return WireEnum.fromWire(LeaseStatus.class, value);
    }
}
