package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/** The property failed the verification; the verification process marks it rejected. */
@Revision("1")
public record VerificationRejected(VerificationId verificationId,
                                   PropertyId propertyId,
                                   String reason,
                                   UserId rejectedBy) {
}
