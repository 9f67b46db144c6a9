package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;

/** Property verifications, newest first; every filter optional. Whom the caller may see is the caller's business. */
public record FindVerifications(VerificationStatus status,
                                VerificationType type,
                                PropertyId propertyId,
                                int page,
                                int size) {
}
