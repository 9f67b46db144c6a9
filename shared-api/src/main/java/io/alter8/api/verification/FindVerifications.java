package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;

/**
 * Property verifications, newest first; every filter optional. {@code visibleTo} acting as {@code visibleAs} narrows
 * them to what that user may see (a field executive's or agent's assignments, an owner's properties, a property
 * manager's properties); null for callers who see all.
 */
public record FindVerifications(VerificationStatus status,
                                VerificationType type,
                                PropertyId propertyId,
                                UserId visibleTo,
                                Role visibleAs,
                                int page,
                                int size) {
}
