package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A charge was still open after its due date and grace days: its one late fee. */
@Revision("1")
public record LateFeeApplied(LeaseId leaseId,
                             UUID lateFeeId,
                             PropertyId propertyId,
                             int chargeNumber,
                             Money amount,
                             int daysLate,
                             LocalDate appliedOn) {
}
