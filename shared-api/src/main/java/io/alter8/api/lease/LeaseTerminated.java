package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The lease ended early; the leasing process vacates its unit next. */
@Revision("1")
public record LeaseTerminated(LeaseId leaseId,
                              PropertyId propertyId,
                              UnitId unitId,
                              LocalDate terminationDate,
                              String reason,
                              LocalDate noticeDate,
                              Money earlyTerminationPenalty,
                              UserId terminatedBy) {
}
