package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * What was left of the deposit after deductions went back to the tenant, once the lease ended. On a renewal going into
 * force with a lower deposit than the one it carried over, the difference, while the rest stays held.
 */
@Revision("1")
public record SecurityDepositRefunded(LeaseId leaseId,
                                      Money amount,
                                      String reference,
                                      UserId refundedBy) {
}
