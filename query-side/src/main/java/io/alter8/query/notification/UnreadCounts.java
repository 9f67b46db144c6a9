package io.alter8.query.notification;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code notifications:count:{userId}}: the number of unread, undismissed, unexpired notifications in a user's inbox.
 * Never incremented: after every change it is counted again from MongoDB and set, under a lock per user (striped),
 * so that of two changes racing, the later count is the one written. A lost or stale key is mended by the next
 * change or read. Several query-side instances would need the lock in Redis; one runs today.
 */
@Component
class UnreadCounts {

    static final String COLLECTION = "notifications";
    private static final int STRIPES = 64;

    private final MongoTemplate mongo;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    UnreadCounts(MongoTemplate mongo, StringRedisTemplate redis, Clock clock) {
        this.mongo = mongo;
        this.redis = redis;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    static String key(UUID userId) {
        return "notifications:count:" + userId;
    }

    /** Criteria of what a user sees in their inbox now: theirs, not dismissed, not expired. */
    Criteria visible(UUID userId) {
        return Criteria.where("userId").is(userId.toString()).and("isDismissed").is(false)
                       .orOperator(Criteria.where("expiresAt").is(null),
                                   Criteria.where("expiresAt").gt(Date.from(clock.instant())));
    }

    /** Counts again and stores the count; answers it. */
    long recount(UUID userId) {
        ReentrantLock lock = locks[Math.floorMod(userId.hashCode(), STRIPES)];
        lock.lock();
        try {
            long unread = mongo.count(new Query(visible(userId).and("isRead").is(false)), COLLECTION);
            redis.opsForValue().set(key(userId), Long.toString(unread));
            return unread;
        } finally {
            lock.unlock();
        }
    }

    /** The stored count, counted when missing. */
    long of(UUID userId) {
        String stored = redis.opsForValue().get(key(userId));
        return stored == null ? recount(userId) : Long.parseLong(stored);
    }
}
