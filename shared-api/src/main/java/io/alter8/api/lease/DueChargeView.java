package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;

/** A charge in a list across leases (overdue, upcoming): which lease and property it belongs to. */
public record DueChargeView(LeaseId leaseId, PropertyId propertyId, RentChargeView charge) {
}
