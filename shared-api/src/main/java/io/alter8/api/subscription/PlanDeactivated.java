package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A plan was taken off the market; subscriptions on it carry on and renew. */
@Revision("1")
public record PlanDeactivated(PlanId planId, UserId deactivatedBy) {
}
