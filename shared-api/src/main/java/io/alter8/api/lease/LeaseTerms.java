package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the parties agree to (marketplace model {@code leases}: dates, notice, renewal, money, escalation, agreement).
 * Every amount is in the property's currency; maintenance charge and brokerage may be zero.
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
                         List<String> specialTerms) {

    public LeaseTerms {
        specialTerms = specialTerms == null ? List.of() : List.copyOf(specialTerms);
    }
}
