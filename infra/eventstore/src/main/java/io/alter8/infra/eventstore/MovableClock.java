package io.alter8.infra.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The platform's clock, read the same way by both services: the system clock in UTC, unless
 * {@code alter8.clock.movable} is on (the local stack only; refused under {@code prod}). Then an admin moves it
 * forward on the command side to watch what time brings (a late fee, a lease's end), and the offset is kept in the
 * command side's database ({@code platform_clock}), from which every service reading it refreshes a few times a
 * second: the query side's "today" (what is overdue) follows the command side's, and a restarted command side keeps
 * the time it was moved to. Time moved forward never runs back.
 */
public final class MovableClock extends Clock implements AutoCloseable {

    public static final String MOVABLE = "alter8.clock.movable";
    /** How stale another service's move may be here: a client polling the query side sees it within this. */
    static final Duration REFRESH = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(MovableClock.class);

    private final Clock base;
    private final JdbcTemplate store;
    private final AtomicReference<Duration> offset;
    /** Null in a copy made by {@link #withZone}, which shares the offset and needs no refresher of its own. */
    private final ScheduledExecutorService refresher;
    private final AtomicBoolean unreadable = new AtomicBoolean();

    /**
     * The clock of a service. {@code store} reaches the command side's database (read-only is enough to follow the
     * clock); it is asked for only when the clock is movable.
     */
    public static Clock of(Environment environment, Supplier<JdbcTemplate> store) {
        if (!environment.getProperty(MOVABLE, Boolean.class, false)) {
            return Clock.systemUTC();
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(MOVABLE + " lets an admin move the platform's time: never in prod");
        }
        log.warn("The platform clock is movable through POST /api/admin/clock (local development only)");
        return new MovableClock(Clock.systemUTC(), store.get(), REFRESH);
    }

    MovableClock(Clock base, JdbcTemplate store, Duration refresh) {
        this.base = base;
        this.store = store;
        this.offset = new AtomicReference<>(Duration.ZERO);
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "platform-clock");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    private MovableClock(Clock base, JdbcTemplate store, AtomicReference<Duration> offset) {
        this.base = base;
        this.store = store;
        this.offset = offset;
        this.refresher = null;
    }

    /**
     * Moves the platform's clock forward by {@code by} (positive, counted in whole milliseconds) for every service
     * that reads it, and answers the new now.
     */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        Long total = store.queryForObject("""
                INSERT INTO platform_clock (id, offset_millis, moved_at) VALUES (TRUE, ?, now())
                ON CONFLICT (id) DO UPDATE SET offset_millis = platform_clock.offset_millis + EXCLUDED.offset_millis,
                                               moved_at = EXCLUDED.moved_at
                RETURNING offset_millis""", Long.class, by.toMillis());
        forwardTo(Duration.ofMillis(total));
        return instant();
    }

    /** Reads the stored offset; while the store cannot be read (starting, down) the last one read holds. */
    void refresh() {
        try {
            List<Long> stored = store.queryForList("SELECT offset_millis FROM platform_clock", Long.class);
            if (!stored.isEmpty()) {
                forwardTo(Duration.ofMillis(stored.get(0)));
            }
            unreadable.set(false);
        } catch (DataAccessException e) {
            if (!unreadable.getAndSet(true)) {
                log.warn("Cannot read the platform clock's offset ({}); keeping {}", e.getMessage(), offset.get());
            }
        }
    }

    /** A refresh that read an offset just before a move may arrive after it: the larger one wins. */
    private void forwardTo(Duration stored) {
        offset.accumulateAndGet(stored, (current, read) -> read.compareTo(current) > 0 ? read : current);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), store, offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
