package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The invoice of one paid period ({@code number} counts the subscription's invoices from 1), issued when the period
 * starts. Collecting the payment is not part of Alter8 yet, so an invoice stays issued.
 */
@Revision("1")
public record SubscriptionInvoiced(SubscriptionId subscriptionId,
                                   UserId accountId,
                                   int number,
                                   PlanId planId,
                                   LocalDate periodStart,
                                   LocalDate periodEnd,
                                   Money amount) {
}
