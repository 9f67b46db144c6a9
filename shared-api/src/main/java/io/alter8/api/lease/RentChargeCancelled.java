package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.serialization.Revision;

/** A charge of a period after the lease's end (it ended early) no longer exists. */
@Revision("1")
public record RentChargeCancelled(LeaseId leaseId,
                                  int chargeNumber) {
}
