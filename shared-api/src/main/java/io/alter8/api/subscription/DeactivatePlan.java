package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An admin takes a plan off the market: nobody starts or moves to it, existing subscriptions keep it. */
public record DeactivatePlan(@TargetAggregateIdentifier PlanId planId, Actor requestedBy,
                             @TargetAggregateVersion Long expectedVersion) {
}
