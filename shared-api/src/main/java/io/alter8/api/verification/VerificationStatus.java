package io.alter8.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Where a property verification is (marketplace model {@code property_verifications.status}); completed and rejected
 * are final.
 */
public enum VerificationStatus implements WireEnum {
    PENDING, ASSIGNED, IN_PROGRESS, COMPLETED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    /** Completed or rejected: nothing but the owner's feedback changes it any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }

    @JsonCreator
    public static VerificationStatus fromWire(String value) {
        return WireEnum.fromWire(VerificationStatus.class, value);
    }
}
