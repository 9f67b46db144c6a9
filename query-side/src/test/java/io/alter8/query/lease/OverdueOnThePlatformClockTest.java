package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.lease.ChargeStatus;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.infra.eventstore.MovableClock;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the local stack the query side's "today" is the platform's clock, the one the command side's late-fee assessment
 * reads: once the command side moves it past a charge's due date and grace days, the charge is overdue on the schedule
 * and in the overdue list at once, not days later. Both clocks are made here as each service makes its own, on the
 * command side's database, beside the shared context, whose clock is the system's: moving that one would move every
 * other test's today.
 */
@QuerySideTest
class OverdueOnThePlatformClockTest {

    @Autowired
    LeaseProjector leases;
    @Autowired
    RentAccountProjector projector;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();
    final List<MovableClock> clocks = new ArrayList<>();

    @AfterEach
    void stopTheClocks() {
        clocks.forEach(MovableClock::close);
    }

    MovableClock movableClock() {
        MovableClock clock = (MovableClock) MovableClock.of(
                new MockEnvironment().withProperty(MovableClock.MOVABLE, "true"),
                () -> new JdbcTemplate(store.dataSource()));
        clocks.add(clock);
        return clock;
    }

    @Test
    void movingThePlatformsClockPastTheDueDateAndGraceDaysShowsTheChargeOverdueWithoutWaiting() {
        MovableClock querySide = movableClock();
        RentAccountQueries queries = new RentAccountQueries(jdbc, querySide);
        LocalDate today = LocalDate.now(querySide);
        UUID renter = UUID.randomUUID();
        LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        LeaseId id = new LeaseId(lease.id);
        tx.executeWithoutResult(s -> {
            leases.on(lease.proposed(renter, LeaseTestEvents.termsWithLateFee(3)), 0, Instant.now());
            projector.on(new RentChargeScheduled(id, new PropertyId(lease.propertyId), 0, today,
                                                 today.plusMonths(1).minusDays(1), today, Money.of("25000", "INR"),
                                                 Money.of("0", "INR"), Money.of("0", "INR"),
                                                 Money.of("25000", "INR")), 1);
        });
        assertThat(status(queries, id)).isEqualTo(ChargeStatus.PENDING);
        assertThat(overdue(queries, renter)).isEmpty();

        // The command side moves the platform's clock: its due date and 3 grace days are behind.
        Instant moved = movableClock().advance(Duration.ofDays(4));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(status(queries, id)).isEqualTo(ChargeStatus.OVERDUE);
            assertThat(overdue(queries, renter)).containsExactly(today);
        });
        assertThat(querySide.instant()).isAfterOrEqualTo(moved);
    }

    @Test
    void withoutTheSettingTheClockIsTheSystemsAndNeverReadsTheDatabase() {
        Clock clock = MovableClock.of(new MockEnvironment(), () -> {
            throw new AssertionError("the platform_clock table is not read");
        });

        assertThat(clock).isEqualTo(Clock.systemUTC());
    }

    static ChargeStatus status(RentAccountQueries queries, LeaseId lease) {
        return queries.handle(new FindRentLedger(lease, "INR")).charges().get(0).status();
    }

    static List<LocalDate> overdue(RentAccountQueries queries, UUID party) {
        return queries.openCharges(party, true, null, null, 0, 20).items().stream()
                      .map(c -> c.charge().dueDate()).toList();
    }
}
