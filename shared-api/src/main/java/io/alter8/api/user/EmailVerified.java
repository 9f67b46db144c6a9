package io.alter8.api.user;

import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EmailVerified(UserId userId,
                            EmailAddress email) {
}
