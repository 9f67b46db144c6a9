package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Where a lease is in its life (marketplace model {@code leases.status}). {@code renewed}: a renewal follows it, by
 * hand or automatically; its charges run to its end date, and it holds its unit until the renewal comes into force
 * and takes the unit over.
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
