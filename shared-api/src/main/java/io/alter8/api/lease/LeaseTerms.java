package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the parties agree to (marketplace model {@code leases}: dates, notice, renewal, money, escalation, agreement).
 * Every amount is in the property's currency; maintenance charge and brokerage may be zero. {@code rentDueDay} (1 to
 * 31, null: each period's first day) and {@code lateFee} (null: none) came with the rent schedule; terms stored
 * before read them as null.
 */
public record LeaseTerms(LocalDate startDate,
                         LocalDate endDate,
                         int noticePeriodDays,
                         boolean renewalOption,
                         boolean autoRenewal,
                         Money monthlyRent,
                         Money securityDeposit,
                         Money maintenanceCharge,
                         Money brokerageAmount,
                         BigDecimal annualRentIncreasePercent,
                         LocalDate nextRentReviewDate,
                         AgreementType agreementType,
                         List<String> specialTerms,
                         Integer rentDueDay,
                         LateFeeRule lateFee) {

    public LeaseTerms {
        specialTerms = specialTerms == null ? List.of() : List.copyOf(specialTerms);
    }

    /** Terms with rent due on each period's first day and no late fee. */
    public LeaseTerms(LocalDate startDate, LocalDate endDate, int noticePeriodDays, boolean renewalOption,
                      boolean autoRenewal, Money monthlyRent, Money securityDeposit, Money maintenanceCharge,
                      Money brokerageAmount, BigDecimal annualRentIncreasePercent, LocalDate nextRentReviewDate,
                      AgreementType agreementType, List<String> specialTerms) {
        this(startDate, endDate, noticePeriodDays, renewalOption, autoRenewal, monthlyRent, securityDeposit,
             maintenanceCharge, brokerageAmount, annualRentIncreasePercent, nextRentReviewDate, agreementType,
             specialTerms, null, null);
    }
}
