package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Asks for the cheapest plan that fits the account's units and usage as of {@code today}; recorded as
 * {@code recommendationId} if it is another plan than the current one.
 */
public record RecommendPlan(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                            UUID recommendationId,
                            LocalDate today,
                            Actor requestedBy) {
}
