package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * The owner's KYC status moved. {@code reviewedBy} is null when Alter8 itself moved it: changing a PAN, Aadhaar or
 * GST number sends a reviewed KYC back to {@code pending}.
 */
@Revision("1")
public record OwnerKycStatusChanged(UserId userId,
                                    KycStatus previousStatus,
                                    KycStatus status,
                                    String note,
                                    UserId reviewedBy) {
}
