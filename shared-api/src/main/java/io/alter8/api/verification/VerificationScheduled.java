package io.alter8.api.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The visit is planned for {@code scheduledAt}. */
@Revision("1")
public record VerificationScheduled(VerificationId verificationId, Instant scheduledAt, UserId scheduledBy) {
}
