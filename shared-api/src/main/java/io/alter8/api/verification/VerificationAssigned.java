package io.alter8.api.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/**
 * Who visits ({@code fieldExecutiveId}) and accompanies ({@code agentId}, may be null). {@code status} is the
 * verification's status after it: {@code assigned}, or still {@code in_progress} when only the agent changed.
 * A new field executive starts afresh: schedule and start are cleared.
 */
@Revision("1")
public record VerificationAssigned(VerificationId verificationId,
                                   UserId fieldExecutiveId,
                                   UserId agentId,
                                   VerificationStatus status,
                                   UserId assignedBy) {
}
