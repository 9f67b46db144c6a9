package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks the user's phone as verified (an OTP); independent of the e-mail address. */
public record VerifyPhone(@TargetAggregateIdentifier UserId userId,
                          EncryptedValue phone) {
}
