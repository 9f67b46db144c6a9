package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A plan's terms were replaced as a whole. */
@Revision("1")
public record PlanRevised(PlanId planId, PlanTerms terms, UserId revisedBy) {
}
