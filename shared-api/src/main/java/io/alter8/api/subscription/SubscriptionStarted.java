package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An account subscribed: {@code status} is {@code trial} or {@code active}, the first period runs from
 * {@code startDate} to {@code endDate} (exclusive), {@code price} is that of a period of {@code frequency}.
 */
@Revision("1")
public record SubscriptionStarted(SubscriptionId subscriptionId,
                                  UserId accountId,
                                  PlanId planId,
                                  String planName,
                                  PaymentFrequency frequency,
                                  int unitCount,
                                  Money price,
                                  SubscriptionStatus status,
                                  LocalDate startDate,
                                  LocalDate endDate,
                                  boolean autoRenew,
                                  UserId startedBy) {
}
