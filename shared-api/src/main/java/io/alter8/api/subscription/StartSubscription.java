package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An owner or property manager (or an admin for one) subscribes {@code accountId} to a plan, as of {@code today}.
 * {@code unitCount} null takes the units the account has; {@code trialEndsOn} set starts a trial until that day
 * instead of a paid period.
 */
public record StartSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                UserId accountId,
                                PlanId planId,
                                PaymentFrequency frequency,
                                Integer unitCount,
                                LocalDate trialEndsOn,
                                boolean autoRenew,
                                LocalDate today,
                                Actor requestedBy) {
}
