package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/** A verification of a property is open and waits for a field executive ({@code pending}). */
@Revision("1")
public record VerificationOpened(VerificationId verificationId,
                                 PropertyId propertyId,
                                 VerificationType type,
                                 UserId ownerId,
                                 UserId requestedBy) {
}
