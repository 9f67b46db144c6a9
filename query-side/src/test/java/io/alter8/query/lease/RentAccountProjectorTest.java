package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.ChargeStatus;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.RentChargeView;
import io.alter8.api.lease.RentLedgerView;
import io.alter8.api.lease.RentRollView;
import io.alter8.api.lease.SecurityDepositCarriedOver;
import io.alter8.api.lease.SecurityDepositDeducted;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.processing.ProcessorPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rent-accounts projector on the real read database: the same events twice leave the same rows, a late event
 * changes nothing, the ledger's totals are the sums of the events, and the processor builds the same rows from the
 * event store.
 */
@QuerySideTest
class RentAccountProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    RentAccountProjector projector;
    @Autowired
    RentAccountQueries queries;
    @Autowired
    LeaseProjector leases;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    final LeaseId lease = LeaseId.random();
    final PropertyId property = PropertyId.random();
    final UserId tenant = UserId.random();
    final UUID payment = UUID.randomUUID();
    final UUID fee = UUID.randomUUID();

    static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    RentChargeScheduled charge(int number, String rent, String other) {
        LocalDate start = LocalDate.of(2026, 9, 1).plusMonths(number);
        Money due = inr(rent).plus(inr(other));
        return new RentChargeScheduled(lease, property, number, start, start.plusMonths(1).minusDays(1), start,
                                       inr(rent), inr("0"), inr(other), due);
    }

    /**
     * Three months of 20000 are scheduled; 50000 is paid (two months and half the third); the third gets a fee of
     * 500, waived; the lease ends early, the third month cut to 10000 (with a penalty of 500) and a fourth
     * cancelled; the deposit of 40000 is held, 1500 deducted, the rest refunded.
     */
    List<Object> history() {
        return List.of(
                new SecurityDepositHeld(lease, inr("40000")),
                charge(0, "20000", "0"), charge(1, "20000", "0"), charge(2, "20000", "0"),
                new PaymentRecorded(lease, payment, property, inr("50000"), PaymentMethod.UPI, T0, "razorpay",
                                    "pay_1", null, tenant),
                new CreditAllocated(lease, 0, inr("20000")), new CreditAllocated(lease, 1, inr("20000")),
                new CreditAllocated(lease, 2, inr("10000")),
                new LateFeeApplied(lease, fee, property, 2, inr("500"), 10, LocalDate.of(2026, 11, 11)),
                new LateFeeWaived(lease, fee, 2, inr("500"), "first slip", tenant),
                new RentChargeScheduled(lease, property, 2, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15),
                                        LocalDate.of(2026, 11, 1), inr("9500"), inr("0"), inr("500"),
                                        inr("10000")),
                charge(3, "20000", "0"), new RentChargeCancelled(lease, 3),
                new SecurityDepositDeducted(lease, inr("1500"), "broken tap", tenant),
                new SecurityDepositRefunded(lease, inr("38500"), "NEFT 1", tenant));
    }

    void apply(List<Object> events) {
        tx.executeWithoutResult(s -> {
            for (int sequence = 0; sequence < events.size(); sequence++) {
                Object event = events.get(sequence);
                Instant at = T0.plusSeconds(sequence);
                if (event instanceof SecurityDepositHeld e) {
                    projector.on(e, sequence, at);
                } else if (event instanceof SecurityDepositDeducted e) {
                    projector.on(e, sequence, at);
                } else if (event instanceof SecurityDepositRefunded e) {
                    projector.on(e, sequence, at);
                } else if (event instanceof RentChargeScheduled e) {
                    projector.on(e, sequence);
                } else if (event instanceof RentChargeCancelled e) {
                    projector.on(e, sequence);
                } else if (event instanceof PaymentRecorded e) {
                    projector.on(e, sequence);
                } else if (event instanceof CreditAllocated e) {
                    projector.on(e, sequence);
                } else if (event instanceof ChargeOverpaid e) {
                    projector.on(e, sequence);
                } else if (event instanceof LateFeeApplied e) {
                    projector.on(e, sequence, at);
                } else if (event instanceof LateFeeWaived e) {
                    projector.on(e, sequence, at);
                } else {
                    throw new IllegalArgumentException(event.toString());
                }
            }
        });
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>(jdbc.queryForList(
                "SELECT to_jsonb(c)::text FROM rent_charge c WHERE lease_id = ? ORDER BY charge_number", String.class,
                lease.value()));
        rows.addAll(jdbc.queryForList("SELECT to_jsonb(p)::text FROM rent_payment p WHERE lease_id = ?",
                                      String.class, lease.value()));
        rows.addAll(jdbc.queryForList("SELECT to_jsonb(d)::text FROM deposit_entry d WHERE lease_id = ? "
                                              + "ORDER BY sequence", String.class, lease.value()));
        return rows;
    }

    RentLedgerView ledger() {
        return queries.handle(new FindRentLedger(lease, "INR"));
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRowsAndTheLedgerIsTheSumOfTheEvents() {
        apply(history());
        List<String> once = rows();

        apply(history());

        assertThat(rows()).isEqualTo(once).hasSize(8);
        RentLedgerView ledger = ledger();
        assertThat(ledger.charges()).extracting(RentChargeView::chargeNumber).containsExactly(0, 1, 2);
        assertThat(ledger.charged()).isEqualTo(inr("50000"));
        assertThat(ledger.paid()).isEqualTo(inr("50000"));
        assertThat(ledger.credit()).isEqualTo(inr("0"));
        assertThat(ledger.balance()).isEqualTo(inr("0"));
        assertThat(ledger.charges()).extracting(RentChargeView::status).containsOnly(ChargeStatus.PAID);
        RentChargeView last = ledger.charges().get(2);
        assertThat(last.lateFee()).isEqualTo(inr("0"));
        assertThat(last.lateFeeWaived()).isTrue();
        assertThat(last.lateFeeId()).isEqualTo(fee);
        assertThat(last.amountDue()).isEqualTo(inr("10000"));
        assertThat(ledger.payments()).singleElement().satisfies(p -> {
            assertThat(p.gatewayTransactionId()).isEqualTo("pay_1");
            assertThat(p.method()).isEqualTo(PaymentMethod.UPI);
        });
        assertThat(ledger.depositHeld()).isEqualTo(inr("0"));
        assertThat(ledger.deposit()).extracting(e -> e.kind() + " " + e.amount().amount())
                                    .containsExactly("held 40000.00", "deducted 1500.00", "refunded 38500.00");
    }

    @Test
    void aRenewalCarriesTheDepositOverSoItIsCountedOnceAndNoMoneyMoves() {
        LeaseId renewal = LeaseId.random();
        SecurityDepositCarriedOver carried = new SecurityDepositCarriedOver(renewal, lease, inr("40000"));
        Runnable both = () -> tx.executeWithoutResult(s -> {
            projector.on(new SecurityDepositHeld(lease, inr("40000")), 7, T0);
            // The renewal's event has the same sequence number as the renewed lease's deposit: no clash.
            projector.on(carried, 7, T0.plusSeconds(60));
        });
        both.run();
        List<String> once = rows();

        both.run();

        assertThat(rows()).isEqualTo(once).hasSize(2);
        assertThat(ledger().depositHeld()).isEqualTo(inr("0"));
        assertThat(ledger().deposit()).extracting(e -> e.kind() + " " + e.amount().amount() + " " + e.reason())
                                      .containsExactly("held 40000.00 null", "passed_on 40000.00 to lease " + renewal);
        RentLedgerView renewed = queries.handle(new FindRentLedger(renewal, "INR"));
        assertThat(renewed.depositHeld()).isEqualTo(inr("40000"));
        assertThat(renewed.deposit()).extracting(e -> e.kind() + " " + e.reason())
                                     .containsExactly("carried_over from lease " + lease);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lease_transaction WHERE lease_id = ? AND kind LIKE "
                                               + "'deposit_%'", Long.class, renewal.value()))
                .as("no money moved").isZero();
    }

    /**
     * A renewal that asks more than it carried over holds the top-up, and one that asks less refunds the difference:
     * each on the renewal's ledger once, as money that moved, and the deposit held is what its terms ask.
     */
    @Test
    void aRenewalWithAnotherDepositHoldsTheTopUpOrRefundsTheDifferenceOnItsLedgerOnce() {
        LeaseId higher = LeaseId.random();
        LeaseId lower = LeaseId.random();
        Runnable events = () -> tx.executeWithoutResult(s -> {
            projector.on(new SecurityDepositCarriedOver(higher, lease, inr("40000")), 5, T0);
            projector.on(new SecurityDepositHeld(higher, inr("5000")), 6, T0);
            projector.on(new SecurityDepositCarriedOver(lower, lease, inr("40000")), 5, T0);
            projector.on(new SecurityDepositRefunded(lower, inr("10000"), "lower deposit on renewal", tenant), 6,
                         T0);
        });
        events.run();
        events.run();

        RentLedgerView toppedUp = queries.handle(new FindRentLedger(higher, "INR"));
        assertThat(toppedUp.depositHeld()).isEqualTo(inr("45000"));
        assertThat(toppedUp.deposit()).extracting(e -> e.kind() + " " + e.amount().amount())
                                      .containsExactly("carried_over 40000.00", "held 5000.00");
        RentLedgerView returned = queries.handle(new FindRentLedger(lower, "INR"));
        assertThat(returned.depositHeld()).isEqualTo(inr("30000"));
        assertThat(returned.deposit()).extracting(e -> e.kind() + " " + e.amount().amount() + " " + e.reason())
                                      .containsExactly("carried_over 40000.00 from lease " + lease,
                                                       "refunded 10000.00 lower deposit on renewal");
        assertThat(jdbc.queryForList("SELECT kind || ' ' || amount FROM lease_transaction WHERE lease_id IN (?, ?) "
                                             + "ORDER BY kind", String.class, higher.value(), lower.value()))
                .as("the money that moved, once each")
                .containsExactly("deposit_held 5000.00", "deposit_refunded 10000.00");
    }

    @Test
    void anOlderEventDeliveredLateChangesNothingAndOpenChargesShowTheirStatus() {
        List<Object> events = List.of(charge(0, "20000", "0"), charge(1, "20000", "0"),
                                      new PaymentRecorded(lease, payment, property, inr("25000"), PaymentMethod.CASH,
                                                          T0, null, null, null, tenant),
                                      new CreditAllocated(lease, 0, inr("20000")),
                                      new CreditAllocated(lease, 1, inr("5000")),
                                      new LateFeeApplied(lease, fee, property, 1, inr("500"), 10,
                                                         LocalDate.of(2026, 10, 11)));
        apply(events);
        tx.executeWithoutResult(s -> projector.on((CreditAllocated) events.get(4), 4));

        RentLedgerView ledger = ledger();
        assertThat(ledger.charges().get(1).amountPaid()).isEqualTo(inr("5000"));
        assertThat(ledger.charges().get(1).amountDue()).isEqualTo(inr("20500"));
        assertThat(ledger.charges()).extracting(RentChargeView::status)
                                    .containsExactly(ChargeStatus.PAID, ChargeStatus.OVERDUE);
        assertThat(ledger.balance()).isEqualTo(inr("15500"));
    }

    @Test
    void theProcessorBuildsTheSameLedgerFromTheEventStore() {
        List<Object> events = history();
        long head = -1;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            head = store.append("Lease", lease.value(), sequence, events.get(sequence));
        }
        long last = head;
        await().atMost(Duration.ofSeconds(10)).until(
                () -> positions.lowestPosition(List.of(RentAccountProjector.PROCESSING_GROUP)).orElse(-1) >= last);
        RentLedgerView fromTheStore = ledger();

        jdbc.update("DELETE FROM rent_charge WHERE lease_id = ?", lease.value());
        jdbc.update("DELETE FROM rent_payment WHERE lease_id = ?", lease.value());
        jdbc.update("DELETE FROM deposit_entry WHERE lease_id = ?", lease.value());
        apply(events);

        // The same rows but for the times the deposit moved: the store stamps events with its own clock.
        assertThat(ledger()).usingRecursiveComparison().ignoringFields("deposit.at").isEqualTo(fromTheStore);
        assertThat(fromTheStore.charged()).isEqualTo(inr("50000"));
    }

    /** As the command side's assessment: a fee falls due once the due date plus the grace days is before today. */
    @Test
    void aChargeStillOpenAfterItsDueDateAndGraceDaysIsOverdueBeforeAnyFeeIsApplied() {
        UUID owner = UUID.randomUUID();
        UUID renter = UUID.randomUUID();
        LeaseTestEvents leaseEvents = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        LeaseId id = new LeaseId(leaseEvents.id);
        PropertyId at = new PropertyId(leaseEvents.propertyId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        tx.executeWithoutResult(s -> {
            leases.on(leaseEvents.proposed(renter, LeaseTestEvents.termsWithLateFee(3)), 0, T0);
            int number = 0;
            for (int daysAgo : new int[] {5, 4, 3, 2}) {
                LocalDate due = today.minusDays(daysAgo);
                projector.on(new RentChargeScheduled(id, at, number, due, due, due, inr("1000"), inr("0"), inr("0"),
                                                     inr("1000")), number + 1L);
                number++;
            }
            projector.on(new CreditAllocated(id, 1, inr("400")), 5);
        });

        assertThat(queries.handle(new FindRentLedger(id, "INR")).charges())
                .extracting(c -> c.chargeNumber() + " " + c.status())
                .containsExactly("0 OVERDUE", "1 OVERDUE", "2 PENDING", "3 PENDING");
        assertThat(queries.openCharges(renter, true, null, null, 0, 20).items())
                .extracting(c -> c.charge().chargeNumber())
                .containsExactly(0, 1);
    }

    @Test
    void theRentRollAndTheOverdueAndUpcomingListsCoverTheCallersLeasesOnly() {
        UUID owner = UUID.randomUUID();
        UUID renter = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        LeaseTestEvents leaseEvents = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        LeaseId id = new LeaseId(leaseEvents.id);
        PropertyId at = new PropertyId(leaseEvents.propertyId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        LocalDate soon = today.plusDays(10);
        tx.executeWithoutResult(s -> {
            leases.on(leaseEvents.proposed(renter, renter), 0, T0);
            projector.on(new RentChargeScheduled(id, at, 0, lastMonth, lastMonth.plusMonths(1).minusDays(1), lastMonth,
                                                 inr("20000"), inr("0"), inr("0"), inr("20000")), 1);
            projector.on(new RentChargeScheduled(id, at, 1, soon, soon.plusMonths(1).minusDays(1), soon,
                                                 inr("20000"), inr("0"), inr("0"), inr("20000")), 2);
            projector.on(new CreditAllocated(id, 0, inr("5000")), 3);
            projector.on(new LateFeeApplied(id, fee, at, 0, inr("500"), 10, lastMonth.plusDays(10)), 4, T0);
        });

        RentRollView roll = queries.rentRoll(YearMonth.from(lastMonth), owner);
        assertThat(roll.properties()).singleElement().isEqualTo(
                new RentRollView.Line(at, inr("20500"), inr("5000"), inr("15500")));
        assertThat(roll.totals()).singleElement().isEqualTo(
                new RentRollView.Line(null, inr("20500"), inr("5000"), inr("15500")));
        assertThat(queries.rentRoll(YearMonth.from(lastMonth), stranger).properties()).isEmpty();
        assertThat(queries.openCharges(owner, true, null, null, 0, 20).items())
                .extracting(c -> c.charge().chargeNumber() + " " + c.charge().status())
                .containsExactly("0 OVERDUE");
        assertThat(queries.openCharges(renter, false, today, today.plusDays(30), 0, 20).items())
                .extracting(c -> c.leaseId() + " " + c.charge().dueDate())
                .containsExactly(id + " " + soon);
        assertThat(queries.openCharges(stranger, true, null, null, 0, 20).items()).isEmpty();
    }
}
