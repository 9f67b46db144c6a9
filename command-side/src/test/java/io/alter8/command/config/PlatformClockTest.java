package io.alter8.command.config;

import io.alter8.web.ApiException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's one clock: the system's, or on the local stack one an admin moves forward. */
class PlatformClockTest {

    @AfterEach
    void giveAxonTheSystemClockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    static MockEnvironment movable() {
        return new MockEnvironment().withProperty("alter8.clock.movable", "true");
    }

    @Test
    void theClockIsTheSystemsInUtcUnlessMadeMovable() {
        assertThat(new PlatformClock().clock(new MockEnvironment())).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aMovableClockOnlyMovesForwardAndIsAxonsClockToo() {
        Clock clock = new PlatformClock().clock(movable());
        Instant before = Instant.now();

        Instant moved = ((PlatformClock.Movable) clock).advance(Duration.ofDays(10));

        assertThat(moved).isAfterOrEqualTo(before.plus(Duration.ofDays(10)));
        assertThat(clock.instant()).isAfterOrEqualTo(moved);
        assertThat(GenericEventMessage.clock.instant()).as("aggregates read today from it")
                                                       .isAfterOrEqualTo(moved);
        assertThatThrownBy(() -> ((PlatformClock.Movable) clock).advance(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMovableClockIsRefusedUnderProd() {
        MockEnvironment prod = movable();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> new PlatformClock().clock(prod)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movingTheClockTellsTheJobsThatActOnTimeAndRefusesGoingBack() {
        Clock clock = new PlatformClock().clock(movable());
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
