package io.alter8.api.subscription;

import io.alter8.api.common.Money;

import java.time.LocalDate;

/**
 * One line of a subscription's billing history: a period's {@code invoice} (issued), or the {@code charge} or
 * {@code credit} a change or cancellation recorded for the rest of a period.
 */
public record BillingEntryView(String kind,
                               Integer invoiceNumber,
                               LocalDate periodStart,
                               LocalDate periodEnd,
                               Money amount,
                               String status,
                               LocalDate recordedOn) {
}
