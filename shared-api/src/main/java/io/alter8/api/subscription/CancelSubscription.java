package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Ends a subscription now (the rest of the period credited) or at the period's end, saying why. */
public record CancelSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                 boolean atPeriodEnd,
                                 String reason,
                                 LocalDate today,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
