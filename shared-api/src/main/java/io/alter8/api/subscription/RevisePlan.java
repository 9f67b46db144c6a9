package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An admin replaces a plan's terms; subscriptions on it are priced by them from their next period. */
public record RevisePlan(@TargetAggregateIdentifier PlanId planId, PlanTerms terms, Actor requestedBy,
                         @TargetAggregateVersion Long expectedVersion) {
}
