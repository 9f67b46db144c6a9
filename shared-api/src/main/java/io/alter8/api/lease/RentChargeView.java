package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One charge of a lease's schedule as it stands: {@code amountDue} is rent + maintenance + other charges + the late
 * fee (zero once waived). {@code status} is {@code paid} once nothing is open, {@code overdue} once a late fee was
 * applied to it (the assessment found it open past its grace days), {@code partial} when part is paid, else
 * {@code pending}.
 */
public record RentChargeView(int chargeNumber,
                             LocalDate periodStart,
                             LocalDate periodEnd,
                             LocalDate dueDate,
                             Money rent,
                             Money maintenance,
                             Money otherCharges,
                             Money lateFee,
                             UUID lateFeeId,
                             boolean lateFeeWaived,
                             Money amountDue,
                             Money amountPaid,
                             ChargeStatus status) {
}
