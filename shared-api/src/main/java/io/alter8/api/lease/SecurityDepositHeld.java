package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import org.axonframework.serialization.Revision;

/** The lease went into force: its security deposit is held. */
@Revision("1")
public record SecurityDepositHeld(LeaseId leaseId,
                                  Money amount) {
}
