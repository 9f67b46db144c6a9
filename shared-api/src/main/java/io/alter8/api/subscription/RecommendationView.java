package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;

import java.time.LocalDate;
import java.util.UUID;

/** A plan recommendation as its account reads it: the plan, why, the saving a period, until when, and if applied. */
public record RecommendationView(UUID id,
                                 PlanId currentPlanId,
                                 PlanId recommendedPlanId,
                                 String recommendedPlanName,
                                 String reason,
                                 Money currentPrice,
                                 Money recommendedPrice,
                                 Money estimatedSaving,
                                 LocalDate createdOn,
                                 LocalDate expiresOn,
                                 boolean applied,
                                 LocalDate appliedOn) {
}
