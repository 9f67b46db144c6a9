package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The cheapest plan that fits the account's units and usage is {@code recommendedPlanId}, not its current plan
 * (management model {@code ai_pricing_recommendations}). {@code estimatedSaving} is a period's price now less the
 * recommended plan's (negative when the fitting plan costs more, because a limit is reached); it may be applied
 * until {@code expiresOn} (exclusive).
 */
@Revision("1")
public record PlanRecommended(SubscriptionId subscriptionId,
                              UserId accountId,
                              UUID recommendationId,
                              PlanId currentPlanId,
                              PlanId recommendedPlanId,
                              String recommendedPlanName,
                              String reason,
                              Money currentPrice,
                              Money recommendedPrice,
                              Money estimatedSaving,
                              LocalDate recommendedOn,
                              LocalDate expiresOn,
                              UserId requestedBy) {
}
