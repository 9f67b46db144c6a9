package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A plan entered the catalog, active. */
@Revision("1")
public record PlanDefined(PlanId planId, PlanTerms terms, UserId definedBy) {
}
