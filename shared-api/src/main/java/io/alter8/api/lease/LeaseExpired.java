package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The lease ran to its end date without notice or renewal: status {@code expired}; the unit is vacated next. */
@Revision("1")
public record LeaseExpired(LeaseId leaseId,
                           PropertyId propertyId,
                           UnitId unitId,
                           LocalDate endDate) {
}
