package io.alter8.api.property;

import io.alter8.api.common.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What renting the property costs and when (marketplace model rental columns). All amounts are in the rent's currency;
 * the deposit is at most twelve months' rent.
 */
public record RentalTerms(Money monthlyRent,
                          Money securityDeposit,
                          Money maintenanceCharge,
                          Money brokerage,
                          LocalDate availableFrom,
                          Integer leaseDurationMonths) {

    public RentalTerms {
        Objects.requireNonNull(monthlyRent, "monthly rent");
    }

    public RentalTerms withMonthlyRent(Money rent) {
        return new RentalTerms(rent, securityDeposit, maintenanceCharge, brokerage, availableFrom,
                               leaseDurationMonths);
    }
}
