package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a user: their data key is shredded, their unique claims released, their credentials and sessions revoked.
 * Admins only (a super admin for an admin's account), and never while a retention rule holds the account.
 * {@code reason} is why the admin erases, recorded in the audited event: it must say why, not repeat who.
 */
public record EraseUser(@TargetAggregateIdentifier UserId userId,
                        String reason,
                        Actor requestedBy) {
}
