package io.alter8.api.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/** The field executive is at the property ({@code in_progress}); the event's timestamp is {@code started_at}. */
@Revision("1")
public record VerificationStarted(VerificationId verificationId, UserId startedBy) {
}
