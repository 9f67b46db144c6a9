package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** At move-out, part of the held deposit was kept, for a reason. */
@Revision("1")
public record SecurityDepositDeducted(LeaseId leaseId,
                                      Money amount,
                                      String reason,
                                      UserId deductedBy) {
}
