package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;

/** The ledger of one lease: its schedule of charges, payments, credit, deposit and balance. */
public record FindRentLedger(LeaseId leaseId, String currency) {
}
