package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import org.axonframework.serialization.Revision;

/** Part of the lease's credit (payments not yet allocated) paid a charge due: oldest due first. */
@Revision("1")
public record CreditAllocated(LeaseId leaseId,
                              int chargeNumber,
                              Money amount) {
}
