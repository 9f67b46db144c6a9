package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The subscription moved to {@code planId} with {@code unitCount} units as of {@code effectiveOn}; {@code price} is a
 * full period's from now on. {@code adjustment} is what the rest of the current period costs more (a charge,
 * positive) or less (a credit, negative), pro-rated by the day; zero during a trial.
 */
@Revision("1")
public record SubscriptionChanged(SubscriptionId subscriptionId,
                                  UserId accountId,
                                  PlanId previousPlanId,
                                  PlanId planId,
                                  String planName,
                                  int unitCount,
                                  Money price,
                                  LocalDate effectiveOn,
                                  Money adjustment,
                                  UserId changedBy) {
}
