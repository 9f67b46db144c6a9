package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/**
 * The verification passed with {@code report}; the verification process marks the property verified. Revision 2: the
 * report names media ids instead of URLs (revision 1 is upcast, its URLs kept as {@code legacyMediaUrls}).
 */
@Revision("2")
public record VerificationCompleted(VerificationId verificationId,
                                    PropertyId propertyId,
                                    VerificationReport report,
                                    UserId completedBy) {
}
