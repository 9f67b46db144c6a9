package io.alter8.query.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.ChargeStatus;
import io.alter8.api.lease.DepositEntryView;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.RentChargeView;
import io.alter8.api.lease.RentLedgerView;
import io.alter8.api.lease.RentPaymentView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.uuid;
import static io.alter8.query.lease.LeaseQueries.money;

/**
 * Reads the rent-accounts read model. Every figure comes from the rows as the events left them, none from today's
 * date, so a rebuilt read model answers the same.
 */
@Component
class RentAccountQueries {

    private final JdbcTemplate jdbc;

    RentAccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    RentLedgerView handle(FindRentLedger query) {
        String currency = query.currency();
        List<RentChargeView> charges = jdbc.query("""
                SELECT * FROM rent_charge WHERE lease_id = ? AND NOT cancelled ORDER BY due_date, charge_number""",
                                                  (rs, n) -> charge(rs, currency), query.leaseId().value());
        List<RentPaymentView> payments = jdbc.query("""
                SELECT * FROM rent_payment WHERE lease_id = ? ORDER BY paid_at, payment_id""",
                                                    (rs, n) -> payment(rs, currency), query.leaseId().value());
        List<DepositEntryView> deposit = jdbc.query("""
                SELECT * FROM deposit_entry WHERE lease_id = ? ORDER BY sequence""",
                                                    (rs, n) -> new DepositEntryView(
                                                            rs.getString("kind"), money(rs, "amount", currency),
                                                            rs.getString("reason"), instant(rs, "occurred_at")),
                                                    query.leaseId().value());
        Money zero = Money.zero(currency);
        Money charged = charges.stream().map(RentChargeView::amountDue).reduce(zero, Money::plus);
        Money allocated = charges.stream().map(RentChargeView::amountPaid).reduce(zero, Money::plus);
        Money paid = payments.stream().map(RentPaymentView::amount).reduce(zero, Money::plus);
        Money held = deposit.stream().map(e -> "held".equals(e.kind()) ? e.amount() : zero.minus(e.amount()))
                            .reduce(zero, Money::plus);
        return new RentLedgerView(query.leaseId(), charged, paid, paid.minus(allocated), charged.minus(paid),
                                  charges, payments, held, deposit);
    }

    private static RentChargeView charge(ResultSet rs, String currency) throws SQLException {
        Money fee = money(rs, "late_fee", currency);
        Money due = money(rs, "amount_due", currency).plus(fee);
        Money paid = money(rs, "amount_paid", currency);
        ChargeStatus status = !due.minus(paid).isPositive() ? ChargeStatus.PAID
                : rs.getObject("late_fee_id") != null ? ChargeStatus.OVERDUE
                : paid.isPositive() ? ChargeStatus.PARTIAL
                : ChargeStatus.PENDING;
        return new RentChargeView(rs.getInt("charge_number"), rs.getObject("period_start", LocalDate.class),
                                  rs.getObject("period_end", LocalDate.class),
                                  rs.getObject("due_date", LocalDate.class), money(rs, "rent", currency),
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
