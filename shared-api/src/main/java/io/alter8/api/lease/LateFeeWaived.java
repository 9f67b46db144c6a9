package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The owner's side waived a late fee; the charge owes the fee no more. */
@Revision("1")
public record LateFeeWaived(LeaseId leaseId,
                            UUID lateFeeId,
                            int chargeNumber,
                            Money amount,
                            String reason,
                            UserId waivedBy) {
}
