package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A renewal by hand that was not in force by the day after the renewed lease's end date (unsigned, unapproved or
 * rejected) was withdrawn on {@code withdrawnOn}: status {@code expired}, it cannot be put into force any more. The
 * lease it renewed ({@code renewedFrom}) then expires, and its unit is vacated.
 */
@Revision("1")
public record LeaseRenewalWithdrawn(LeaseId leaseId,
                                    LeaseId renewedFrom,
                                    PropertyId propertyId,
                                    UnitId unitId,
                                    LocalDate withdrawnOn) {
}
