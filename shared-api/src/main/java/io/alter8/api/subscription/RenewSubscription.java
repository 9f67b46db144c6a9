package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * From the renewal job: the subscription's period has ended by {@code today}. It renews, converts a trial, ends as
 * cancelled, or expires; sent again for the same period it changes nothing.
 */
public record RenewSubscription(@TargetAggregateIdentifier SubscriptionId subscriptionId, LocalDate today) {
}
