package io.alter8.query.processing;

import io.alter8.query.web.StreamLifetime;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read model's position as it moves, pushed as Server-Sent Events: one request for as long as a client watches,
 * instead of one request per look. A benchmark measuring the lag of every command polled the processor's status 50
 * times a second, and each poll cost the query side a whole request (the security filters, a token check, three
 * statements): a fifth of its CPU. Here one thread looks at the in-memory positions ({@link ProcessorPositions})
 * every few milliseconds for every open stream and writes a line only when a position moved.
 * <p>
 * Bounded: {@value #PER_USER} streams per user and {@value #MAX_STREAMS} per instance (429 past either), each until
 * its token expires and at most {@link #MAX_LIFETIME}. A comment every {@link #HEARTBEAT} while the position stands
 * still finds clients that went away. All are completed when the service stops, so a graceful shutdown does not wait
 * for them.
 */
@Component
class PositionStreams implements SmartLifecycle {

    static final int PER_USER = 2;
    static final int MAX_STREAMS = 16;
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Its Linux thread name (at most 15 characters), by which a benchmark reads the CPU the streams cost. */
    static final String THREAD = "position-stream";

    private final ProcessorPositions positions;
    private final Clock clock;
    private final Set<Watch> open = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService looker;
    private volatile boolean running;

    PositionStreams(ProcessorPositions positions, Clock clock) {
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Opens a stream of {@code group}'s position for {@code user}, looked at every {@code interval}; 404 for an
     * unknown group.
     */
    SseEmitter open(String group, Duration interval, UUID user, Instant tokenExpiresAt) {
        if (!positions.exists(group)) {
            throw ApiException.notFound("processing group", group);
        }
        if (!running) {
            throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                                               "this instance is stopping: reconnect"));
        }
        Watch watch = new Watch(group, user, new SseEmitter(StreamLifetime.millis(clock, tokenExpiresAt,
                                                                                  MAX_LIFETIME)));
        register(watch);
        watch.emitter.onCompletion(watch::stop);
        watch.emitter.onTimeout(watch::close);
        watch.emitter.onError(e -> watch.close());
        // The first look runs at once, so the client learns where the read model stands without waiting.
        watch.task = looker.scheduleWithFixedDelay(watch::look, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return watch.emitter;
    }

    private synchronized void register(Watch watch) {
        long mine = open.stream().filter(w -> w.user.equals(watch.user)).count();
        if (mine >= PER_USER || open.size() >= MAX_STREAMS) {
            String detail = mine >= PER_USER ? "at most " + PER_USER + " position streams per user: close one first"
                    : "this instance has " + MAX_STREAMS + " position streams open: try again shortly";
            throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                                               detail)).withHeader("Retry-After", "30");
        }
        open.add(watch);
    }

    /** One open stream: the group watched, and the last position sent. Only the looking thread sends. */
    private final class Watch {

        private final String group;
        private final UUID user;
        private final SseEmitter emitter;
        private volatile ScheduledFuture<?> task;
        private long sent = Long.MIN_VALUE;
        private long sentAt;

        private Watch(String group, UUID user, SseEmitter emitter) {
            this.group = group;
            this.user = user;
            this.emitter = emitter;
        }

        private void look() {
            try {
                OptionalLong now = positions.position(group);
                long position = now.orElse(-1);
                if (position != sent) {
                    emitter.send(SseEmitter.event().name("position").data(Long.toString(position)));
                    sent = position;
                    sentAt = System.nanoTime();
                } else if (System.nanoTime() - sentAt > HEARTBEAT.toNanos()) {
                    emitter.send(SseEmitter.event().comment("ping"));
                    sentAt = System.nanoTime();
                }
            } catch (DataAccessException away) {
                // The read database, asked only while a segment is not held here, is away: the next look tries again.
            } catch (IOException | IllegalStateException gone) {
                // The client went away: the stream is over.
                close();
            }
        }

        private void close() {
            stop();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed by the container meanwhile
            }
        }

        private void stop() {
            ScheduledFuture<?> looking = task;
            if (looking != null) {
                looking.cancel(false);
            }
            open.remove(this);
        }
    }

    @Override
    public void start() {
        looker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, THREAD);
            thread.setDaemon(true);
            return thread;
        });
        running = true;
    }

    /** Completes every stream, before the web server's graceful shutdown (a later phase) waits for requests. */
    @Override
    public void stop() {
        running = false;
        List<Watch> all = new ArrayList<>(open);
        all.forEach(Watch::close);
        looker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
