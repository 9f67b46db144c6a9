package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.SecurityDepositCarriedOver;
import io.alter8.api.lease.SecurityDepositDeducted;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@link LeaseMoneyHeld} from {@code lease_money} and {@code lease_money_party}, kept in the transaction of the
 * lease's events (a subscribing processor, as {@link OpenLeaseParties}), so an erasure never misses a charge or a
 * deposit stored a moment before it. Each entry is written whole under its own key — a charge as last scheduled, a
 * fee, a payment, the deposit's movements — so the sums are the events' sums however the entries were reached.
 */
@Component
@ProcessingGroup(LeaseMoneyEntries.PROCESSING_GROUP)
class LeaseMoneyEntries implements LeaseMoneyHeld {

    static final String PROCESSING_GROUP = "lease-money";
    private static final String BALANCE = "balance";
    private static final String DEPOSIT = "deposit";

    private final JdbcTemplate jdbc;

    LeaseMoneyEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LeaseId> owedBy(UserId tenant, LocalDate asOf) {
        return leases("""
                SELECT p.lease_id FROM lease_money_party p JOIN lease_money m ON m.lease_id = p.lease_id
                WHERE p.user_id = ? AND p.tenant AND m.kind = 'balance' AND (m.due_date IS NULL OR m.due_date <= ?)
                GROUP BY p.lease_id HAVING sum(m.amount) > 0 ORDER BY p.lease_id""", tenant.value(), asOf);
    }

    @Override
    public List<LeaseId> depositsUnsettled(UserId party) {
        return leases("""
                SELECT p.lease_id FROM lease_money_party p JOIN lease_money m ON m.lease_id = p.lease_id
                WHERE p.user_id = ? AND m.kind = 'deposit'
                GROUP BY p.lease_id HAVING sum(m.amount) > 0 ORDER BY p.lease_id""", party.value());
    }

    private List<LeaseId> leases(String sql, Object... args) {
        return jdbc.queryForList(sql, UUID.class, args).stream().map(LeaseId::new).toList();
    }

    @EventHandler
    void on(LeaseProposed event) {
        party(event.leaseId(), event.ownerId(), false);
        event.tenants().forEach(tenant -> party(event.leaseId(), tenant, true));
    }

    @EventHandler
    void on(RentChargeScheduled event) {
        entry(event.leaseId(), "charge:" + event.chargeNumber(), BALANCE, event.dueDate(),
              event.amountDue().amount());
    }

    @EventHandler
    void on(RentChargeCancelled event) {
        jdbc.update("DELETE FROM lease_money WHERE lease_id = ? AND entry = ?", event.leaseId().value(),
                    "charge:" + event.chargeNumber());
    }

    @EventHandler
    void on(LateFeeApplied event) {
        entry(event.leaseId(), "fee:" + event.chargeNumber(), BALANCE, event.appliedOn(), event.amount().amount());
    }

    /** A waived fee is owed no more (and a charge has at most one fee, waived or not). */
    @EventHandler
    void on(LateFeeWaived event) {
        jdbc.update("DELETE FROM lease_money WHERE lease_id = ? AND entry = ?", event.leaseId().value(),
                    "fee:" + event.chargeNumber());
    }

    @EventHandler
    void on(PaymentRecorded event) {
        entry(event.leaseId(), "payment:" + event.paymentId(), BALANCE, null, event.amount().amount().negate());
    }

    /** The deposit held on activation, or the top-up a renewal holds beside the deposit it carried over. */
    @EventHandler
    void on(SecurityDepositHeld event) {
        entry(event.leaseId(), "deposit:in", DEPOSIT, null, event.amount().amount());
    }

    /**
     * The renewal holds the deposit now; the renewed lease holds nothing more. Its own key, so that a top-up the
     * renewal holds as well ({@code deposit:in}) adds to it (renewals carried over before top-ups were possible have
     * it under {@code deposit:in}, which sums the same).
     */
    @EventHandler
    void on(SecurityDepositCarriedOver event) {
        entry(event.leaseId(), "deposit:carried-over", DEPOSIT, null, event.amount().amount());
        entry(event.fromLeaseId(), "deposit:out", DEPOSIT, null, event.amount().amount().negate());
    }

    @EventHandler
    void on(SecurityDepositDeducted event, @SequenceNumber long sequence) {
        entry(event.leaseId(), "deposit:" + sequence, DEPOSIT, null, event.amount().amount().negate());
    }

    @EventHandler
    void on(SecurityDepositRefunded event, @SequenceNumber long sequence) {
        entry(event.leaseId(), "deposit:" + sequence, DEPOSIT, null, event.amount().amount().negate());
    }

    private void party(LeaseId lease, UserId user, boolean tenant) {
        jdbc.update("INSERT INTO lease_money_party (lease_id, user_id, tenant) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    lease.value(), user.value(), tenant);
    }

    private void entry(LeaseId lease, String entry, String kind, LocalDate due, BigDecimal amount) {
        jdbc.update("""
                INSERT INTO lease_money (lease_id, entry, kind, due_date, amount) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (lease_id, entry) DO UPDATE SET due_date = excluded.due_date, amount = excluded.amount""",
                    lease.value(), entry, kind, due, amount);
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        /** An erasure checks these rows in its own transaction: they must never lag the lease's events. */
        @Bean
        ConfigurerModule leaseMoneyInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
