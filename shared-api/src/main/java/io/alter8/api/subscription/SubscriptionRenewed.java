package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A new paid period began at the end of the last, at the plan's current price; {@code fromTrial} when it converted a
 * trial.
 */
@Revision("1")
public record SubscriptionRenewed(SubscriptionId subscriptionId,
                                  UserId accountId,
                                  PlanId planId,
                                  int unitCount,
                                  Money price,
                                  LocalDate periodStart,
                                  LocalDate periodEnd,
                                  boolean fromTrial) {
}
