package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;

import java.time.Instant;

/**
 * One property verification as the read side keeps it: every field of the marketplace model's
 * {@code property_verifications}. {@code report} and {@code feedback} are null until given; {@code version} is the
 * verification's sequence number.
 */
public record PropertyVerificationView(VerificationId id,
                                       PropertyId propertyId,
                                       UserId ownerId,
                                       VerificationType type,
                                       VerificationStatus status,
                                       UserId fieldExecutiveId,
                                       UserId agentId,
                                       UserId requestedBy,
                                       Instant requestedAt,
                                       Instant assignedAt,
                                       Instant scheduledAt,
                                       Instant startedAt,
                                       Instant completedAt,
                                       VerificationReport report,
                                       String rejectionReason,
                                       Feedback feedback,
                                       Instant updatedAt,
                                       long version) {

    /** The owner's ratings: {@code agentRating} only when an agent was assigned. */
    public record Feedback(Integer agentRating, int executiveRating, String text) {
    }
}
