package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks the user's e-mail address as verified, once they have proved they read it (an OTP or a link). Names the
 * address that was proved (encrypted under the user's data key), so that a proof for an address the user no longer has
 * is refused.
 */
public record VerifyEmail(@TargetAggregateIdentifier UserId userId,
                          EncryptedValue email) {
}
