package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/** The verification passed with {@code report}; the verification process marks the property verified. */
@Revision("1")
public record VerificationCompleted(VerificationId verificationId,
                                    PropertyId propertyId,
                                    VerificationReport report,
                                    UserId completedBy) {
}
