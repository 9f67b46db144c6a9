package io.alter8.command.config;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.eventstore.MovableClock;
import io.alter8.web.ApiException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The platform's one clock: the system's, or on the local stack one an admin moves forward, kept in the database so
 * that another service (the query side) and a restarted command side follow it. The movable clocks here are made by
 * hand beside the shared context, whose own clock is the system's.
 */
@CommandSideTest
class PlatformClockTest {

    @Autowired
    ObjectProvider<JdbcTemplate> jdbc;
    final List<Clock> made = new ArrayList<>();

    @AfterEach
    void giveAxonTheSystemClockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
        made.forEach(clock -> ((MovableClock) clock).close());
    }

    static MockEnvironment movable() {
        return new MockEnvironment().withProperty("alter8.clock.movable", "true");
    }

    MovableClock movableClock() {
        Clock clock = new PlatformClock().clock(movable(), jdbc);
        made.add(clock);
        return (MovableClock) clock;
    }

    @Test
    void theClockIsTheSystemsInUtcUnlessMadeMovable() {
        assertThat(new PlatformClock().clock(new MockEnvironment(), jdbc)).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aMovableClockOnlyMovesForwardAndIsAxonsClockToo() {
        MovableClock clock = movableClock();
        Instant before = clock.instant();

        Instant moved = clock.advance(Duration.ofDays(10));

        assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofDays(10)));
        assertThat(clock.instant()).isAfterOrEqualTo(moved);
        assertThat(GenericEventMessage.clock.instant()).as("aggregates read today from it")
                                                       .isAfterOrEqualTo(moved);
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherServiceFollowsTheMoveAndARestartedOneKeepsIt() {
        MovableClock here = movableClock();
        MovableClock elsewhere = movableClock();

        Instant moved = here.advance(Duration.ofDays(4));

        await().atMost(Duration.ofSeconds(5)).until(() -> !elsewhere.instant().isBefore(moved));
        assertThat(movableClock().instant()).as("started after the move").isAfterOrEqualTo(moved);
    }

    @Test
    void aMovableClockIsRefusedUnderProd() {
        MockEnvironment prod = movable();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new PlatformClock().clock(prod, jdbc)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movingTheClockTellsTheJobsThatActOnTimeAndRefusesGoingBack() {
        Clock clock = movableClock();
        List<Object> published = new ArrayList<>();
        LocalClockController controller = new LocalClockController(clock, published::add);

        LocalClockController.ClockAnswer answer =
                controller.advance(new LocalClockController.ClockRequest(Duration.ofDays(3)));

        assertThat(published).containsExactly(new ClockMoved(answer.now()));
        assertThatThrownBy(() -> controller.advance(new LocalClockController.ClockRequest(Duration.ofHours(-1))))
                .isInstanceOf(ApiException.class);
        assertThat(published).hasSize(1);
    }
}
