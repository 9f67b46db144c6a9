package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.UUID;

/** Moves the subscription to a recommendation's plan (a plan change) while the recommendation has not expired. */
public record ApplyRecommendation(@TargetAggregateIdentifier SubscriptionId subscriptionId,
                                  UUID recommendationId,
                                  LocalDate today,
                                  Actor requestedBy,
                                  @TargetAggregateVersion Long expectedVersion) {
}
