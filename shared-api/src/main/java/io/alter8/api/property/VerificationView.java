package io.alter8.api.property;

import io.alter8.api.common.UserId;

import java.time.Instant;

/** Where the property's verification stands; {@code verifiedAt} and {@code verifiedBy} once verified. */
public record VerificationView(PropertyVerificationStatus status, Instant verifiedAt, UserId verifiedBy, String notes) {

    /** Without who verified it and their notes, for those outside the property's people and readers. */
    public VerificationView statusOnly() {
        return new VerificationView(status, verifiedAt, null, null);
    }
}
