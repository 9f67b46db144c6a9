package io.alter8.query.live;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What each listening user's live stream carried lately, for reconnection with {@code Last-Event-ID}: a Redis stream
 * per user, {@code events:stream:{userId}}, of its last {@value #LENGTH} events, kept an hour after the last one.
 * Its entry ids are the SSE event ids. Entries are written only for listeners, users whose stream was open within
 * the hour ({@code events:listeners}, a sorted set by last heartbeat). Every query-side instance hears every
 * published message, so each append is deduplicated per user by the message's hash: the first instance writes the
 * entry, the others get its id.
 */
@Component
class ReplayBuffer {

    static final int LENGTH = 100;
    static final Duration KEPT = Duration.ofHours(1);
    private static final String LISTENERS = "events:listeners";
    private static final Pattern ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

    /** KEYS: the user's stream, the message's marker. ARGV: length, seconds kept, channel, data. Answers the id. */
    private static final DefaultRedisScript<String> APPEND = new DefaultRedisScript<>("""
            local id = redis.call('GET', KEYS[2])
            if id then return id end
            id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'channel', ARGV[3], 'data', ARGV[4])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            redis.call('SET', KEYS[2], id, 'EX', ARGV[2])
            return id""", String.class);
    /**
     * KEYS: the user's stream. ARGV: the last id the client saw. Answers whether older entries than any kept were
     * asked for (1: some may be lost), then id, channel, data of each entry after it.
     */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> AFTER = new DefaultRedisScript<>("""
            local answer = {0}
            local oldest = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
            if #oldest == 0 then return answer end
            local a, b = string.match(ARGV[1], '(%d+)-(%d+)')
            local c, d = string.match(oldest[1][1], '(%d+)-(%d+)')
            if tonumber(a) < tonumber(c) or (tonumber(a) == tonumber(c) and tonumber(b) < tonumber(d)) then
              answer[1] = 1
            end
            for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+')) do
              local fields = {}
              for i = 1, #entry[2], 2 do fields[entry[2][i]] = entry[2][i + 1] end
              table.insert(answer, entry[1])
              table.insert(answer, fields['channel'])
              table.insert(answer, fields['data'])
            end
            return answer""", List.class);

    /**
     * KEYS: the user's stream. ARGV: a channel, and two texts an entry's data must both hold. Deletes every entry of
     * that channel holding both; answers how many.
     */
    private static final DefaultRedisScript<Long> FORGET = new DefaultRedisScript<>("""
            local deleted = 0
            for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do
              local fields = {}
              for i = 1, #entry[2], 2 do fields[entry[2][i]] = entry[2][i + 1] end
              local data = fields['data'] or ''
              if fields['channel'] == ARGV[1] and string.find(data, ARGV[2], 1, true)
                  and string.find(data, ARGV[3], 1, true) then
                deleted = deleted + redis.call('XDEL', KEYS[1], entry[1])
              end
            end
            return deleted""", Long.class);

    record Entry(String id, String channel, String data) {
    }

    /** The entries after a client's last id, and whether some before them may have been dropped. */
    record Missed(boolean gap, List<Entry> entries) {
    }

    /** How long this instance trusts that nobody listens before it asks Redis again. */
    static final Duration NOBODY_CHECKED_EVERY = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final Clock clock;
    /** Until when (epoch ms) someone is known to have listened within the hour: a heartbeat's score plus an hour. */
    private volatile long listenedUntil;
    /** Until when (epoch ms) this instance takes Redis's last "nobody" for the answer. */
    private volatile long nobodyUntil;

    ReplayBuffer(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    static String key(UUID user) {
        return "events:stream:" + user;
    }

    static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** Keeps the message for the user; answers its event id (the same on every instance). */
    String append(UUID user, String channel, String data) {
        return redis.execute(APPEND, List.of(key(user), "events:seen:" + user + ":" + hash(channel, data)),
                             Integer.toString(LENGTH), Long.toString(KEPT.toSeconds()), channel, data);
    }

    /**
     * Removes from the user's buffer the entries of {@code channel} whose data holds both {@code texts} (a deleted
     * chat message, by its kind and id), so a reconnect never replays what was deleted.
     */
    long forget(UUID user, String channel, String text, String alsoText) {
        Long deleted = redis.execute(FORGET, List.of(key(user)), channel, text, alsoText);
        return deleted == null ? 0 : deleted;
    }

    Missed after(UUID user, String lastId) {
        List<?> answer = redis.execute(AFTER, List.of(key(user)), lastId);
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i + 2 < answer.size(); i += 3) {
            entries.add(new Entry(answer.get(i).toString(), answer.get(i + 1).toString(),
                                  answer.get(i + 2).toString()));
        }
        return new Missed(((Number) answer.get(0)).longValue() == 1, entries);
    }

    /** The user's stream is open now: events for them are kept for the next hour. */
    void listening(Collection<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        long now = clock.millis();
        listenedUntil = Math.max(listenedUntil, now + KEPT.toMillis());
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            for (UUID user : users) {
                connection.zSetCommands().zAdd(bytes(LISTENERS), now, bytes(user.toString()));
            }
            connection.zSetCommands().zRemRangeByScore(bytes(LISTENERS), Double.NEGATIVE_INFINITY,
                                                       now - KEPT.toMillis());
            return null;
        });
    }

    /** Of these users, those listening within the hour. */
    Set<UUID> listeners(Collection<UUID> users) {
        Set<UUID> found = new LinkedHashSet<>();
        if (users.isEmpty()) {
            return found;
        }
        List<UUID> asked = List.copyOf(users);
        List<Double> scores = redis.opsForZSet().score(LISTENERS, asked.stream().map(UUID::toString)
                                                                        .toArray(Object[]::new));
        long since = clock.millis() - KEPT.toMillis();
        for (int i = 0; i < asked.size(); i++) {
            if (scores != null && scores.get(i) != null && scores.get(i) >= since) {
                found.add(asked.get(i));
            }
        }
        return found;
    }

    /**
     * Whether anyone listened within the hour: without listeners no message needs to know whom it concerns. Asked for
     * every live message, so Redis is asked only when the answer may have changed. Someone whose last heartbeat was at
     * {@code t} has listened within the hour until {@code t} plus an hour, whatever happens meanwhile. "Nobody" is
     * taken for {@link #NOBODY_CHECKED_EVERY}: a listener on this instance says otherwise at once
     * ({@link #listening}), and one on another instance is kept and sent its messages by that instance.
     */
    boolean anyListeners() {
        long now = clock.millis();
        if (now < listenedUntil) {
            return true;
        }
        if (now < nobodyUntil) {
            return false;
        }
        Set<ZSetOperations.TypedTuple<String>> latest = redis.opsForZSet().reverseRangeWithScores(LISTENERS, 0, 0);
        Double heard = latest == null || latest.isEmpty() ? null : latest.iterator().next().getScore();
        if (heard != null && heard >= now - KEPT.toMillis()) {
            listenedUntil = Math.max(listenedUntil, heard.longValue() + KEPT.toMillis());
            return true;
        }
        nobodyUntil = now + NOBODY_CHECKED_EVERY.toMillis();
        return false;
    }

    /** Everyone listening within the hour: whom a broadcast is kept for. */
    Set<UUID> allListeners() {
        Set<String> members = redis.opsForZSet().rangeByScore(LISTENERS, clock.millis() - KEPT.toMillis(),
                                                              Double.POSITIVE_INFINITY);
        Set<UUID> found = new LinkedHashSet<>();
        if (members != null) {
            members.forEach(m -> found.add(UUID.fromString(m)));
        }
        return found;
    }

    private static String hash(String channel, String data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                                         .digest((channel + "\n" + data).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
