package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Notes a successful login ({@code last_login_at}); a login not later than the last one changes nothing. */
public record RecordLogin(@TargetAggregateIdentifier UserId userId,
                          Instant loggedInAt) {
}
