package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;

import java.util.List;

/**
 * A tenant's ledger of one lease: every charge and payment, the credit (paid but not yet given to a charge), the
 * deposit, and the balance = charged − paid (negative: the tenant is in credit). The deposit is apart from the
 * balance: {@code depositHeld} is what is held now.
 */
public record RentLedgerView(LeaseId leaseId,
                             Money charged,
                             Money paid,
                             Money credit,
                             Money balance,
                             List<RentChargeView> charges,
                             List<RentPaymentView> payments,
                             Money depositHeld,
                             List<DepositEntryView> deposit) {

    public RentLedgerView {
        charges = List.copyOf(charges);
        payments = List.copyOf(payments);
        deposit = List.copyOf(deposit);
    }
}
