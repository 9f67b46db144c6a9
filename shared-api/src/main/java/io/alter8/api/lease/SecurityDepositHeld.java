package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import org.axonframework.serialization.Revision;

/**
 * The lease went into force: its security deposit is held. On a renewal, which carries the renewed lease's deposit over
 * ({@link SecurityDepositCarriedOver}), the top-up its terms ask beyond that: held with it from then on.
 */
@Revision("1")
public record SecurityDepositHeld(LeaseId leaseId,
                                  Money amount) {
}
