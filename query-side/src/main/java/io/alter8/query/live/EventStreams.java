package io.alter8.query.live;

import io.alter8.query.chat.Presence;
import io.alter8.query.web.StreamLifetime;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.alter8.web.security.AccountStatus;
import io.alter8.web.security.CurrentUser;
import io.alter8.web.security.JwtSettings;
import io.alter8.web.security.LiveTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open Server-Sent Event streams of this instance. A stream holds no servlet thread: it is an async request
 * ({@link SseEmitter}) written to by a small pool of sender threads, each stream's events in order. Bounded: a
 * number of streams per user and in all (429 past either); each lives until its access token expires (at most
 * {@code alter8.live.max-lifetime}), when the client reconnects with a fresh token and {@code Last-Event-ID}. A
 * heartbeat every {@code alter8.live.heartbeat} ends the streams whose token may no longer act (a logout, a role
 * change), keeps proxies from closing an idle stream, finds dead ones, and keeps the user's presence and their
 * replay buffer alive. On shutdown every stream is completed first, so the
 * graceful shutdown does not wait for them and clients reconnect to another instance.
 */
@Component
class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final ReplayBuffer buffer;
    private final Presence presence;
    private final LiveTokens tokens;
    private final Clock clock;
    private final int perUser;
    private final int total;
    private final Duration heartbeat;
    private final Duration maxLifetime;
    private final Map<UUID, Set<Connection>> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int senderThreads;
    private volatile ScheduledExecutorService heartbeats;
    private volatile ExecutorService senders;
    private volatile boolean running;

    EventStreams(ReplayBuffer buffer, Presence presence, AccountStatus accounts, JwtSettings jwt, Clock clock,
                 @Value("${alter8.live.streams-per-user:3}") int perUser,
                 @Value("${alter8.live.max-streams:1000}") int total,
                 @Value("${alter8.live.heartbeat:25s}") Duration heartbeat,
                 @Value("${alter8.live.max-lifetime:30m}") Duration maxLifetime,
                 @Value("${alter8.live.sender-threads:2}") int senderThreads) {
        this.buffer = buffer;
        this.presence = presence;
        this.tokens = new LiveTokens(accounts, jwt.serviceTokens());
        this.clock = clock;
        this.perUser = perUser;
        this.total = total;
        this.heartbeat = heartbeat;
        this.maxLifetime = maxLifetime;
        this.senderThreads = senderThreads;
    }

    /** One open stream. Its sends run one at a time in the order given, on the sender pool. */
    private final class Connection {

        final CurrentUser caller;
        final UUID user;
        final SseEmitter emitter;
        private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private String lastSent = "0-0";
        private volatile boolean closed;

        Connection(CurrentUser caller, SseEmitter emitter) {
            this.caller = caller;
            this.user = caller.id();
            this.emitter = emitter;
        }

        /** An event with an id is sent only if newer than the last one sent (a replayed one may arrive live too). */
        synchronized void send(String id, String kind, String data) {
            if (closed || id != null && compare(id, lastSent) <= 0) {
                return;
            }
            SseEmitter.SseEventBuilder event = SseEmitter.event().name(kind).data(data, MediaType.APPLICATION_JSON);
            if (id != null) {
                event.id(id);
                lastSent = id;
            }
            write(event);
        }

        synchronized void write(SseEmitter.SseEventBuilder event) {
            if (closed) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                // The client went away: the stream is over.
                close();
            }
        }

        void enqueue(Runnable send) {
            pending.add(send);
            schedule();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException stopping) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            try {
                for (Runnable next = pending.poll(); next != null; next = pending.poll()) {
                    next.run();
                }
            } finally {
                draining.set(false);
                if (!pending.isEmpty()) {
                    schedule();
                }
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                remove(this);
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyDone) {
                    // completed by the container meanwhile
                }
            }
        }
    }

    /**
     * Opens a stream for {@code caller}, whose token expires at {@code tokenExpiresAt}; first sends what they missed
     * after {@code lastEventId} (with a {@code resync} event when some may be lost), then live events.
     */
    SseEmitter open(CurrentUser caller, Instant tokenExpiresAt, String lastEventId) {
        UUID user = caller.id();
        if (!running) {
            throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                                               "this instance is stopping: reconnect"));
        }
        SseEmitter emitter = new SseEmitter(StreamLifetime.millis(clock, tokenExpiresAt, maxLifetime));
        Connection connection = new Connection(caller, emitter);
        synchronized (connection) {
            register(connection);
            emitter.onCompletion(() -> remove(connection));
            emitter.onTimeout(connection::close);
            emitter.onError(e -> connection.close());
            try {
                buffer.listening(List.of(user));
                presence.streaming(user);
                connection.write(SseEmitter.event().reconnectTime(3000).comment("connected"));
                if (lastEventId != null) {
                    ReplayBuffer.Missed missed = buffer.after(user, lastEventId);
                    if (missed.gap()) {
                        connection.send(null, "resync",
                                        "{\"reason\":\"events after your Last-Event-ID may be lost\"}");
                    }
                    missed.entries().forEach(e -> connection.send(e.id(), LiveChannels.kind(e.channel()),
                                                                  e.data()));
                }
            } catch (DataAccessException redisAway) {
                // Without Redis a stream would carry nothing and replay nothing: refused, to be tried again.
                connection.close();
                throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready",
                                                   "live updates are unavailable for a moment"))
                        .withHeader("Retry-After", "5");
            }
        }
        return emitter;
    }

    private synchronized void register(Connection connection) {
        Set<Connection> mine = connections.computeIfAbsent(connection.user, u -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= perUser || open.get() >= total) {
            if (mine.isEmpty()) {
                connections.remove(connection.user);
            }
            String detail = mine.size() >= perUser
                    ? "at most " + perUser + " live streams per user: close one first"
                    : "this instance has " + total + " live streams open: try again shortly";
            throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                                               detail)).withHeader("Retry-After", "30");
        }
        mine.add(connection);
        open.incrementAndGet();
    }

    private synchronized void remove(Connection connection) {
        Set<Connection> mine = connections.get(connection.user);
        if (mine != null && mine.remove(connection)) {
            open.decrementAndGet();
            if (mine.isEmpty()) {
                connections.remove(connection.user);
                presence.left(connection.user);
            }
        }
    }

    /** Sends an event kept under {@code id} to the user's open streams on this instance. */
    void deliver(UUID user, String id, String kind, String data) {
        for (Connection connection : connections.getOrDefault(user, Set.of())) {
            connection.enqueue(() -> connection.send(id, kind, data));
        }
    }

    /** How many streams are open on this instance. */
    int openStreams() {
        return open.get();
    }

    /**
     * Every stream: closed if its token may no longer act (session ended, roles changed, account deactivated),
     * else a comment that finds dead connections; presence and replay buffers of the users still here kept alive.
     */
    void beat() {
        try {
            List<Connection> all = new ArrayList<>();
            connections.values().forEach(all::addAll);
            for (Connection connection : all) {
                if (tokens.admit(connection.caller)) {
                    connection.enqueue(() -> connection.write(SseEmitter.event().comment("ping")));
                } else {
                    connection.close();
                }
            }
            List<UUID> users = new ArrayList<>(connections.keySet());
            users.forEach(presence::streaming);
            buffer.listening(users);
        } catch (RuntimeException e) {
            // Redis away: presence and buffers lapse, streams go on; the next beat tries again.
            log.warn("Live stream heartbeat failed: {}", e.getMessage());
        }
    }

    /** Compares stream ids ({@code millis-sequence}) in time order. */
    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compare(Long.parseLong(a.substring(0, dashA)), Long.parseLong(b.substring(0, dashB)));
        return byTime != 0 ? byTime
                : Long.compare(Long.parseLong(a.substring(dashA + 1)), Long.parseLong(b.substring(dashB + 1)));
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(senderThreads, r -> new Thread(r, "live-send-" + n.incrementAndGet()));
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "live-heartbeat"));
        running = true;
        heartbeats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                                          TimeUnit.MILLISECONDS);
    }

    /** Completes every stream, before the web server's graceful shutdown (a later phase) waits for requests. */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        List<Connection> all = new ArrayList<>();
        connections.values().forEach(all::addAll);
        all.forEach(Connection::close);
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
