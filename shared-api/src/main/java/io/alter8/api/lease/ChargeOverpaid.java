package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import org.axonframework.serialization.Revision;

/**
 * A charge came to owe less than was paid on it (a waived fee, a period cut short): the difference went back to the
 * lease's credit.
 */
@Revision("1")
public record ChargeOverpaid(LeaseId leaseId,
                             int chargeNumber,
                             Money amount) {
}
