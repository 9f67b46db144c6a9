package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.lease.ChargeStatus;
import io.alter8.api.lease.DepositEntryView;
import io.alter8.api.lease.DueChargeView;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.RentChargeView;
import io.alter8.api.lease.RentLedgerView;
import io.alter8.api.lease.RentPaymentView;
import io.alter8.api.lease.RentRollView;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.uuid;
import static io.alter8.query.lease.LeaseQueries.money;

/**
 * Reads the rent-accounts read model. Every figure comes from the rows as the events left them, none from today's
 * date, so a rebuilt read model answers the same.
 */
@Component
class RentAccountQueries {

    /** Deposit entries that add to what is held; the others (deducted, refunded, passed on) take from it. */
    private static final Set<String> DEPOSIT_IN = Set.of("held", "carried_over");

    private final JdbcTemplate jdbc;
    /** Today on the platform's clock, which the command side's assessment reads (moved on the local stack). */
    private final Clock clock;

    RentAccountQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    RentLedgerView handle(FindRentLedger query) {
        String currency = query.currency();
        LocalDate today = LocalDate.now(clock);
        List<RentChargeView> charges = jdbc.query("""
                SELECT c.*, l.late_fee_grace_days FROM rent_charge c LEFT JOIN lease l ON l.id = c.lease_id
                WHERE c.lease_id = ? AND NOT c.cancelled ORDER BY c.due_date, c.charge_number""",
                                                  (rs, n) -> charge(rs, currency, today), query.leaseId().value());
        List<RentPaymentView> payments = jdbc.query("""
                SELECT * FROM rent_payment WHERE lease_id = ? ORDER BY paid_at, payment_id""",
                                                    (rs, n) -> payment(rs, currency), query.leaseId().value());
        List<DepositEntryView> deposit = jdbc.query("""
                SELECT * FROM deposit_entry WHERE lease_id = ? ORDER BY occurred_at, sequence""",
                                                    (rs, n) -> new DepositEntryView(
                                                            rs.getString("kind"), money(rs, "amount", currency),
                                                            rs.getString("reason"), instant(rs, "occurred_at")),
                                                    query.leaseId().value());
        Money zero = Money.zero(currency);
        Money charged = charges.stream().map(RentChargeView::amountDue).reduce(zero, Money::plus);
        Money allocated = charges.stream().map(RentChargeView::amountPaid).reduce(zero, Money::plus);
        Money paid = payments.stream().map(RentPaymentView::amount).reduce(zero, Money::plus);
        Money held = deposit.stream().map(e -> DEPOSIT_IN.contains(e.kind()) ? e.amount() : zero.minus(e.amount()))
                            .reduce(zero, Money::plus);
        return new RentLedgerView(query.leaseId(), charged, paid, paid.minus(allocated), charged.minus(paid),
                                  charges, payments, held, deposit);
    }

    /**
     * The rent roll of {@code month} over the leases {@code collector} owns or manages (null: every lease): charges
     * due that month, per property and currency, and the totals per currency.
     */
    RentRollView rentRoll(YearMonth month, UUID collector) {
        List<Object> args = new ArrayList<>(List.of(month.atDay(1), month.atEndOfMonth()));
        String whose = "";
        if (collector != null) {
            whose = " AND (l.owner_id = ? OR l.manager_id = ?)";
            args.addAll(List.of(collector, collector));
        }
        List<RentRollView.Line> properties = jdbc.query("""
                SELECT c.property_id, c.currency, sum(c.amount_due + c.late_fee) AS expected,
                       sum(least(c.amount_paid, c.amount_due + c.late_fee)) AS collected
                FROM rent_charge c JOIN lease l ON l.id = c.lease_id
                WHERE NOT c.cancelled AND c.due_date BETWEEN ? AND ?""" + whose + """

                GROUP BY c.property_id, c.currency ORDER BY c.property_id, c.currency""",
                                                        (rs, n) -> line(rs, new PropertyId(uuid(rs, "property_id"))),
                                                        args.toArray());
        Map<String, RentRollView.Line> totals = new TreeMap<>();
        for (RentRollView.Line line : properties) {
            totals.merge(line.expected().currency(), new RentRollView.Line(null, line.expected(), line.collected(),
                                                                           line.outstanding()),
                         (a, b) -> new RentRollView.Line(null, a.expected().plus(b.expected()),
                                                         a.collected().plus(b.collected()),
                                                         a.outstanding().plus(b.outstanding())));
        }
        return new RentRollView(month, properties, List.copyOf(totals.values()));
    }

    /**
     * Open charges of the leases {@code party} is party to (null: every lease), oldest due first: overdue ones (a late
     * fee was applied, or the grace days after the due date have passed), or those falling due from {@code from} to
     * {@code to}.
     */
    PageView<DueChargeView> openCharges(UUID party, boolean overdue, LocalDate from, LocalDate to, int page,
                                        int size) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder sql = new StringBuilder("""
                 FROM rent_charge c JOIN lease l ON l.id = c.lease_id
                WHERE NOT c.cancelled AND c.amount_paid < c.amount_due + c.late_fee""");
        List<Object> args = new ArrayList<>();
        if (overdue) {
            sql.append(" AND (c.late_fee_id IS NOT NULL OR c.due_date + coalesce(l.late_fee_grace_days, 0) < ?)");
            args.add(today);
        } else {
            sql.append(" AND c.due_date BETWEEN ? AND ?");
            args.addAll(List.of(from, to));
        }
        if (party != null) {
            sql.append(LeaseQueries.PARTY);
            args.addAll(List.of(party, party, party, party));
        }
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<DueChargeView> items = jdbc.query(
                "SELECT c.*, l.currency AS lease_currency, l.late_fee_grace_days" + sql
                        + " ORDER BY c.due_date, c.lease_id, c.charge_number LIMIT ? OFFSET ?",
                (rs, n) -> new DueChargeView(new LeaseId(uuid(rs, "lease_id")), new PropertyId(uuid(rs, "property_id")),
                                             charge(rs, rs.getString("lease_currency"), today)), paged.toArray());
        return new PageView<>(items, page, size, Paging.total(
                items.size(), page, size,
                () -> jdbc.queryForObject("SELECT count(*)" + sql, Long.class, args.toArray())));
    }

    private static RentRollView.Line line(ResultSet rs, PropertyId property) throws SQLException {
        String currency = rs.getString("currency");
        Money expected = money(rs, "expected", currency);
        Money collected = money(rs, "collected", currency);
        return new RentRollView.Line(property, expected, collected, expected.minus(collected));
    }

    /**
     * A charge and its status as of {@code today}: overdue once a late fee was applied, or once it is still open after
     * its due date plus the lease's grace days (0 without a late-fee rule), the rule by which the command side's
     * assessment applies the fee, so the two agree from the day a fee is due even before the assessment has run.
     */
    private static RentChargeView charge(ResultSet rs, String currency, LocalDate today) throws SQLException {
        Money fee = money(rs, "late_fee", currency);
        Money due = money(rs, "amount_due", currency).plus(fee);
        Money paid = money(rs, "amount_paid", currency);
        LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
        boolean pastGrace = dueDate.plusDays(rs.getInt("late_fee_grace_days")).isBefore(today);
        ChargeStatus status = !due.minus(paid).isPositive() ? ChargeStatus.PAID
                : rs.getObject("late_fee_id") != null || pastGrace ? ChargeStatus.OVERDUE
                : paid.isPositive() ? ChargeStatus.PARTIAL
                : ChargeStatus.PENDING;
        return new RentChargeView(rs.getInt("charge_number"), rs.getObject("period_start", LocalDate.class),
                                  rs.getObject("period_end", LocalDate.class),
                                  dueDate, money(rs, "rent", currency),
                                  money(rs, "maintenance", currency), money(rs, "other_charges", currency), fee,
                                  uuid(rs, "late_fee_id"), rs.getBoolean("late_fee_waived"), due, paid, status);
    }

    private static RentPaymentView payment(ResultSet rs, String currency) throws SQLException {
        return new RentPaymentView(uuid(rs, "payment_id"), money(rs, "amount", currency),
                                   PaymentMethod.fromWire(rs.getString("method")), instant(rs, "paid_at"),
                                   rs.getString("gateway_id"), rs.getString("gateway_transaction_id"),
                                   rs.getString("reference"));
    }
}
