package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/** The property accepted a request for verification; {@code verificationId} is now its open verification. */
@Revision("1")
public record PropertyVerificationRequested(PropertyId propertyId,
                                            VerificationId verificationId,
                                            VerificationType type,
                                            UserId ownerId,
                                            UserId requestedBy) {
}
