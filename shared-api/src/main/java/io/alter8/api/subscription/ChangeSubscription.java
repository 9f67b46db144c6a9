package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Moves a subscription to another plan or unit count as of {@code today}; null keeps the plan or the units. The
 * rest of the period is charged or credited by the day.
 */
public record ChangeSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                 PlanId planId,
                                 Integer unitCount,
                                 LocalDate today,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
