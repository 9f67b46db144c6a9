package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A subscription as its account sees it: plan, status, units, the price of a period, and the current period
 * ({@code startDate} to {@code endDate}; once ended, {@code endDate} is the day it ended).
 */
public record SubscriptionView(SubscriptionId id,
                               UserId accountId,
                               PlanId planId,
                               String planName,
                               SubscriptionStatus status,
                               PaymentFrequency paymentFrequency,
                               int unitCount,
                               Money currentPrice,
                               LocalDate startDate,
                               LocalDate endDate,
                               boolean autoRenew,
                               boolean cancelAtPeriodEnd,
                               Instant cancelledAt,
                               String cancellationReason,
                               long version) {
}
