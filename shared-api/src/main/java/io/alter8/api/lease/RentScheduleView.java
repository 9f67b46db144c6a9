package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;

import java.util.List;

/** The schedule of a lease's charges, oldest due first (a lease has at most a few hundred). */
public record RentScheduleView(LeaseId leaseId, List<RentChargeView> charges) {

    public RentScheduleView {
        charges = List.copyOf(charges);
    }
}
