package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The terms of a lease in force were revised (a rent review): charges due after {@code effectiveFrom} follow the new
 * terms, those due before keep theirs.
 */
@Revision("1")
public record LeaseRentReviewed(LeaseId leaseId,
                                LeaseTerms terms,
                                LocalDate effectiveFrom,
                                UserId reviewedBy) {
}
