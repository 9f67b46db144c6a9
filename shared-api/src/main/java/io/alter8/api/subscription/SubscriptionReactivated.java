package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A cancelled or expired subscription started again with a paid period, auto-renewing. */
@Revision("1")
public record SubscriptionReactivated(SubscriptionId subscriptionId,
                                      UserId accountId,
                                      PlanId planId,
                                      String planName,
                                      int unitCount,
                                      Money price,
                                      LocalDate periodStart,
                                      LocalDate periodEnd,
                                      UserId reactivatedBy) {
}
