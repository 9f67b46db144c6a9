package io.alter8.command.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the command side: every service, scheduled job and aggregate reads time from it. It is the system
 * clock in UTC, unless {@code alter8.clock.movable} is on (the local stack only; refused under {@code prod}): then
 * an admin moves it forward ({@link LocalClockController}) to watch what time brings, a late fee or a lease's end.
 * Aggregates read today through Axon's clock, so the movable clock becomes Axon's too.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformClock {

    static final String MOVABLE = "alter8.clock.movable";
    private static final Logger log = LoggerFactory.getLogger(PlatformClock.class);

    @Bean
    Clock clock(Environment environment) {
        if (!environment.getProperty(MOVABLE, Boolean.class, false)) {
            return Clock.systemUTC();
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(MOVABLE + " lets an admin move the platform's time: never in prod");
        }
        Movable clock = new Movable(Clock.systemUTC());
        GenericEventMessage.clock = clock;
        log.warn("The platform clock is movable through POST /api/admin/clock (local development only)");
        return clock;
    }

    /** The system clock plus an offset that only grows: time moved forward never runs back. */
    public static final class Movable extends Clock {

        private final Clock base;
        private final AtomicReference<Duration> offset;

        Movable(Clock base) {
            this(base, new AtomicReference<>(Duration.ZERO));
        }

        private Movable(Clock base, AtomicReference<Duration> offset) {
            this.base = base;
            this.offset = offset;
        }

        /** Moves the clock forward by {@code by} (positive) and answers the new now. */
        public Instant advance(Duration by) {
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("the clock only moves forward");
            }
            offset.accumulateAndGet(by, Duration::plus);
            return instant();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Movable(base.withZone(zone), offset);
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }
    }
}
