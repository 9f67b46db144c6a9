package io.alter8.query.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.SecurityDepositCarriedOver;
import io.alter8.api.lease.SecurityDepositDeducted;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.query.jdbc.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps the money of leases — {@code rent_charge}, {@code rent_payment}, {@code deposit_entry} — from the Lease
 * aggregate's events, through {@link VersionedRows} like {@link LeaseProjector}: each write is keyed and applied only
 * if the event is newer than the row. What was paid on a charge moves by the amount an allocation names; the version
 * guard makes that exact, since one lease's events reach this processor in order and a replay starts from empty rows.
 */
@Component
@ProcessingGroup(RentAccountProjector.PROCESSING_GROUP)
class RentAccountProjector {

    static final String PROCESSING_GROUP = "rent-accounts";
    /** The key of a renewed lease's entry for the deposit its renewal carried over. */
    static final long PASSED_ON = -1;

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;
    private final RecentTransactions recent;

    RentAccountProjector(VersionedRows rows, JdbcTemplate jdbc, RecentTransactions recent) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.recent = recent;
    }

    @EventHandler
    void on(RentChargeScheduled event, @SequenceNumber long sequence) {
        charge(rows.upsert("rent_charge"), event.leaseId().value(), event.chargeNumber())
                .set("property_id", event.propertyId().value())
                .set("currency", event.amountDue().currency())
                .set("period_start", event.periodStart())
                .set("period_end", event.periodEnd())
                .set("due_date", event.dueDate())
                .set("rent", event.rent().amount())
                .set("maintenance", event.maintenance().amount())
                .set("other_charges", event.otherCharges().amount())
                .set("amount_due", event.amountDue().amount())
                .set("cancelled", false)
                .apply(sequence);
    }

    @EventHandler
    void on(RentChargeCancelled event, @SequenceNumber long sequence) {
        charge(rows.update("rent_charge"), event.leaseId().value(), event.chargeNumber())
                .set("cancelled", true)
                .apply(sequence);
    }

    @EventHandler
    void on(CreditAllocated event, @SequenceNumber long sequence) {
        paid(event.leaseId().value(), event.chargeNumber(), event.amount().amount(), sequence);
    }

    @EventHandler
    void on(ChargeOverpaid event, @SequenceNumber long sequence) {
        paid(event.leaseId().value(), event.chargeNumber(), event.amount().amount().negate(), sequence);
    }

    @EventHandler
    void on(LateFeeApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        charge(rows.update("rent_charge"), event.leaseId().value(), event.chargeNumber())
                .set("late_fee_id", event.lateFeeId())
                .set("late_fee", event.amount().amount())
                .set("late_fee_days_late", event.daysLate())
                .apply(sequence);
        transaction(event.leaseId().value(), sequence, "late_fee", event.amount(), null, at);
    }

    @EventHandler
    void on(LateFeeWaived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        charge(rows.update("rent_charge"), event.leaseId().value(), event.chargeNumber())
                .set("late_fee", BigDecimal.ZERO)
                .set("late_fee_waived", true)
                .set("late_fee_waiver", event.reason())
                .apply(sequence);
        transaction(event.leaseId().value(), sequence, "late_fee_waiver", event.amount(), event.reason(), at);
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence) {
        rows.upsert("rent_payment")
            .key("payment_id", event.paymentId())
            .set("lease_id", event.leaseId().value())
            .set("amount", event.amount().amount())
            .set("method", event.method().wire())
            .set("paid_at", utc(event.paidAt()))
            .set("gateway_id", event.gatewayId())
            .set("gateway_transaction_id", event.gatewayTransactionId())
            .set("reference", event.reference())
            .set("recorded_by", event.recordedBy().value())
            .apply(sequence);
        transaction(event.leaseId().value(), sequence, "payment", event.amount(), event.reference(), event.paidAt());
    }

    @EventHandler
    void on(SecurityDepositHeld event, @SequenceNumber long sequence, @Timestamp Instant at) {
        deposit(event.leaseId().value(), sequence, "held", event.amount(), null, at);
    }

    /**
     * One deposit, not a second: it enters the renewal's entries and leaves the renewed lease's. No money moved, so
     * no transaction. The renewed lease's entry is keyed by sequence -1 (a lease is renewed once, and its own
     * entries have sequences from 0), versioned by the renewal's event like the renewal's entry.
     */
    @EventHandler
    void on(SecurityDepositCarriedOver event, @SequenceNumber long sequence, @Timestamp Instant at) {
        depositEntry(event.leaseId().value(), sequence, sequence, "carried_over", event.amount(),
                     "from lease " + event.fromLeaseId(), at);
        depositEntry(event.fromLeaseId().value(), PASSED_ON, sequence, "passed_on", event.amount(),
                     "to lease " + event.leaseId(), at);
    }

    @EventHandler
    void on(SecurityDepositDeducted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        deposit(event.leaseId().value(), sequence, "deducted", event.amount(), event.reason(), at);
    }

    @EventHandler
    void on(SecurityDepositRefunded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        deposit(event.leaseId().value(), sequence, "refunded", event.amount(), event.reference(), at);
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM rent_charge");
        jdbc.update("DELETE FROM rent_payment");
        jdbc.update("DELETE FROM deposit_entry");
        jdbc.update("DELETE FROM lease_transaction");
        recent.evictEverything();
    }

    private void paid(UUID lease, int chargeNumber, BigDecimal amount, long sequence) {
        charge(rows.update("rent_charge"), lease, chargeNumber)
                .expression("amount_paid", "amount_paid + ?", amount)
                .apply(sequence);
    }

    private void deposit(UUID lease, long sequence, String kind, Money amount, String reason, Instant at) {
        depositEntry(lease, sequence, sequence, kind, amount, reason, at);
        transaction(lease, sequence, "deposit_" + kind, amount, reason, at);
    }

    private void depositEntry(UUID lease, long key, long sequence, String kind, Money amount, String reason,
                              Instant at) {
        rows.upsert("deposit_entry")
            .key("lease_id", lease)
            .key("sequence", key)
            .set("kind", kind)
            .set("amount", amount.amount())
            .set("reason", reason)
            .set("occurred_at", utc(at))
            .apply(sequence);
    }

    /**
     * A row of the lease's list of money movements; once committed, the recent transactions cached for the lease's
     * parties are stale. A replay evicts nothing per event, and everything once per batch.
     */
    private void transaction(UUID lease, long sequence, String kind, Money amount, String reference, Instant at) {
        rows.upsert("lease_transaction")
            .key("lease_id", lease)
            .key("sequence", sequence)
            .set("kind", kind)
            .set("amount", amount.amount())
            .set("currency", amount.currency())
            .set("reference", reference)
            .set("occurred_at", utc(at))
            .apply(sequence);
        if (rows.replaying()) {
            rows.afterReplayedBatch(PROCESSING_GROUP, recent::evictEverything);
        } else {
            recent.evictAfterCommit(lease);
        }
    }

    private static VersionedRows.Write charge(VersionedRows.Write write, UUID lease, int chargeNumber) {
        return write.key("lease_id", lease).key("charge_number", chargeNumber);
    }
}
