package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Starts a cancelled or expired subscription again, on its plan, with a new paid period from {@code today}. */
public record ReactivateSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                     LocalDate today,
                                     Actor requestedBy,
                                     @TargetAggregateVersion Long expectedVersion) {
}
