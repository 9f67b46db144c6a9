package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A charge besides rent that falls due on {@code dayOfMonth} (clamped to the month's length) every month, quarter or
 * year from {@code startDate} to {@code endDate} (null: the lease's end), marketplace model
 * {@code recurring_transactions}. Each occurrence adds to the other charges of the schedule period it falls in.
 */
public record RecurringCharge(UUID id,
                              ChargeType type,
                              Money amount,
                              ChargeFrequency frequency,
                              int dayOfMonth,
                              LocalDate startDate,
                              LocalDate endDate,
                              String description) {
}
