package io.alter8.api.lease;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;

import java.time.YearMonth;
import java.util.List;

/**
 * The rent roll of one month over the leases the caller is owner or manager of (all, for admins, auditors and
 * analysts): per property and in total per currency, what falls due that month (charges and late fees), what of it is
 * paid, and what is outstanding.
 */
public record RentRollView(YearMonth month, List<Line> properties, List<Line> totals) {

    public RentRollView {
        properties = List.copyOf(properties);
        totals = List.copyOf(totals);
    }

    /** {@code propertyId} is null on a total. */
    public record Line(PropertyId propertyId, Money expected, Money collected, Money outstanding) {
    }
}
