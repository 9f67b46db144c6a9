package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin adds a plan to the catalog. Defining the same plan again changes nothing. */
public record DefinePlan(@TargetAggregateIdentifier PlanId planId, PlanTerms terms, Actor requestedBy) {
}
