package io.alter8.command.notification;

import io.alter8.api.common.Money;
import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.notification.NotificationAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the payment reminders know of each lease's rent account: its charges as they stand, and the money moved on
 * it, one row per event, so a charge's open amount and the lease's unallocated credit are sums that an event seen
 * twice does not change. A charge counts as open for what the credit cannot pay of it, oldest charge first, as the
 * lease itself allocates credit.
 */
@Component
class RentCharges implements RuleMemory {

    /** A charge with something still to pay: {@code open} after the lease's credit. */
    record OpenCharge(UUID leaseId, int chargeNumber, LocalDate dueDate, int graceDays, Money open) {
    }

    private final JdbcTemplate jdbc;
    private final Subjects subjects;

    RentCharges(JdbcTemplate jdbc, Subjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    @Override
    public void record(Object event, String eventId) {
        if (event instanceof RentChargeScheduled e) {
            jdbc.update("""
                    INSERT INTO notification_charge (lease_id, charge_number, due_date, amount_due, currency)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (lease_id, charge_number) DO UPDATE SET due_date = EXCLUDED.due_date,
                        amount_due = EXCLUDED.amount_due, currency = EXCLUDED.currency, cancelled = FALSE""",
                        e.leaseId().value(), e.chargeNumber(), Date.valueOf(e.dueDate()), e.amountDue().amount(),
                        e.amountDue().currency());
        } else if (event instanceof RentChargeCancelled e) {
            jdbc.update("UPDATE notification_charge SET cancelled = TRUE WHERE lease_id = ? AND charge_number = ?",
                        e.leaseId().value(), e.chargeNumber());
        } else if (event instanceof LateFeeApplied e) {
            lateFee(e.leaseId().value(), e.chargeNumber(), e.amount().amount());
        } else if (event instanceof LateFeeWaived e) {
            lateFee(e.leaseId().value(), e.chargeNumber(), BigDecimal.ZERO);
        } else if (event instanceof PaymentRecorded e) {
            money(eventId, e.leaseId().value(), null, e.amount().amount(), BigDecimal.ZERO);
        } else if (event instanceof CreditAllocated e) {
            money(eventId, e.leaseId().value(), e.chargeNumber(), e.amount().amount().negate(), e.amount().amount());
        } else if (event instanceof ChargeOverpaid e) {
            money(eventId, e.leaseId().value(), e.chargeNumber(), e.amount().amount(), e.amount().amount().negate());
        }
    }

    /** The charges falling due from {@code from} to {@code to} (both included) that still have something to pay. */
    List<OpenCharge> open(LocalDate from, LocalDate to) {
        List<OpenCharge> open = new ArrayList<>();
        for (UUID lease : jdbc.queryForList("""
                SELECT DISTINCT lease_id FROM notification_charge
                WHERE NOT cancelled AND due_date BETWEEN ? AND ? ORDER BY lease_id""", UUID.class,
                                            Date.valueOf(from), Date.valueOf(to))) {
            BigDecimal credit = jdbc.queryForObject(
                    "SELECT coalesce(sum(credit_change), 0) FROM notification_lease_money WHERE lease_id = ?",
                    BigDecimal.class, lease);
            for (OpenCharge charge : charges(lease, to)) {
                BigDecimal covered = credit.max(BigDecimal.ZERO).min(charge.open().amount());
                credit = credit.subtract(covered);
                BigDecimal rest = charge.open().amount().subtract(covered);
                if (rest.signum() > 0 && !charge.dueDate().isBefore(from)) {
                    open.add(new OpenCharge(lease, charge.chargeNumber(), charge.dueDate(), charge.graceDays(),
                                            new Money(rest, charge.open().currency())));
                }
            }
        }
        return open;
    }

    /** A lease's charges due by {@code to} with something open before credit, oldest due first. */
    /** The notices reminding a charge's tenants to pay what is open of it. */
    List<Notice> remindTenants(OpenCharge charge, String type) {
        return subjects.lease(charge.leaseId()).map(lease -> Notice.forEach(lease.tenants(), to -> new Notice(
                to, type, Priority.HIGH, "lease", charge.leaseId().toString(),
                List.of(new NotificationAction("Pay now", "/leases/" + charge.leaseId() + "/payments", "button")),
                Map.of("amount", charge.open().toString(), "dueDate", charge.dueDate().toString()), null)))
                       .orElse(List.of());
    }

    private List<OpenCharge> charges(UUID lease, LocalDate to) {
        return jdbc.query("""
                SELECT c.charge_number, c.due_date, coalesce(l.grace_days, 0) AS grace_days, c.currency,
                       c.amount_due + c.late_fee - coalesce(sum(m.paid_change), 0) AS open
                FROM notification_charge c
                LEFT JOIN notification_lease_money m ON m.lease_id = c.lease_id AND m.charge_number = c.charge_number
                LEFT JOIN notification_lease l ON l.lease_id = c.lease_id
                WHERE c.lease_id = ? AND NOT c.cancelled AND c.due_date <= ?
                GROUP BY c.charge_number, c.due_date, l.grace_days, c.currency, c.amount_due, c.late_fee
                HAVING c.amount_due + c.late_fee - coalesce(sum(m.paid_change), 0) > 0
                ORDER BY c.due_date, c.charge_number""",
                (rs, i) -> new OpenCharge(lease, rs.getInt("charge_number"),
                                          rs.getObject("due_date", LocalDate.class), rs.getInt("grace_days"),
                                          new Money(rs.getBigDecimal("open"), rs.getString("currency").strip())),
                lease, Date.valueOf(to));
    }

    private void lateFee(UUID lease, int chargeNumber, BigDecimal fee) {
        jdbc.update("UPDATE notification_charge SET late_fee = ? WHERE lease_id = ? AND charge_number = ?",
                    fee, lease, chargeNumber);
    }

    private void money(String eventId, UUID lease, Integer chargeNumber, BigDecimal credit, BigDecimal paid) {
        jdbc.update("""
                INSERT INTO notification_lease_money (event_id, lease_id, charge_number, credit_change, paid_change)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                    eventId, lease, chargeNumber, credit, paid);
    }
}
