package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserReactivated(UserId userId,
                              UserId reactivatedBy) {
}
