package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * One party agreed to the current terms; {@code approvalStatus} and {@code status} are the lease's afterwards. The
 * property and unit say what a tenant's approval applies for.
 */
@Revision("1")
public record LeaseApproved(LeaseId leaseId,
                            PropertyId propertyId,
                            UnitId unitId,
                            LeaseParty party,
                            UserId approvedBy,
                            LeaseApprovalStatus approvalStatus,
                            LeaseStatus status) {
}
