package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import org.axonframework.serialization.Revision;

/**
 * A renewal went into force: the deposit the renewed lease ({@code fromLeaseId}) held is this lease's now, and is not
 * held a second time. The renewed lease's deposit is settled no more; this lease's is, when it ends.
 */
@Revision("1")
public record SecurityDepositCarriedOver(LeaseId leaseId,
                                         LeaseId fromLeaseId,
                                         Money amount) {
}
