package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * The agent's licence review moved. {@code reviewedBy} is null when Alter8 itself moved it: changing the licence
 * number or its expiry sends a reviewed licence back to {@code pending}.
 */
@Revision("1")
public record AgentVerificationStatusChanged(UserId userId,
                                             AgentVerificationStatus previousStatus,
                                             AgentVerificationStatus status,
                                             String note,
                                             UserId reviewedBy) {
}
