package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A charge besides rent that recurs was added; the charges not yet due take it in ({@link RentChargeScheduled}). */
@Revision("1")
public record RecurringChargeAdded(LeaseId leaseId,
                                   RecurringCharge charge,
                                   UserId addedBy) {
}
