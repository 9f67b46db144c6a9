package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** One party agreed to the current terms; {@code approvalStatus} and {@code status} are the lease's afterwards. */
@Revision("1")
public record LeaseApproved(LeaseId leaseId,
                            LeaseParty party,
                            UserId approvedBy,
                            LeaseApprovalStatus approvalStatus,
                            LeaseStatus status) {
}
