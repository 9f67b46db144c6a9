package io.alter8.query.live;

import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether anyone listened within the hour, as every live message asks it: Redis is asked again only when the answer
 * may have changed. The clocks here are in 2100, so listeners of other tests (heard now) are not "within the hour"
 * of them; each test removes the heartbeats it wrote.
 */
@QuerySideTest
class ReplayBufferListenersTest {

    private static final String LISTENERS = "events:listeners";
    private static final Instant T = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    StringRedisTemplate redis;

    private final List<String> written = new ArrayList<>();

    @AfterEach
    void removeHeartbeats() {
        written.forEach(member -> redis.opsForZSet().remove(LISTENERS, member));
    }

    @Test
    void nobodyIsTheAnswerForASecondThenRedisIsAskedAgain() {
        Settable clock = new Settable(T);
        ReplayBuffer buffer = new ReplayBuffer(redis, clock);
        assertThat(buffer.anyListeners()).isFalse();

        heartbeat(T); // a listener on another instance
        assertThat(buffer.anyListeners()).isFalse();
        clock.now = T.plus(ReplayBuffer.NOBODY_CHECKED_EVERY);

        assertThat(buffer.anyListeners()).isTrue();
    }

    @Test
    void aHeartbeatCountsForAnHourAndNoLonger() {
        heartbeat(T);
        Settable clock = new Settable(T.plus(Duration.ofMinutes(59)));
        ReplayBuffer buffer = new ReplayBuffer(redis, clock);
        assertThat(buffer.anyListeners()).isTrue();

        clock.now = T.plus(ReplayBuffer.KEPT).minusMillis(1);
        assertThat(buffer.anyListeners()).isTrue();
        clock.now = T.plus(ReplayBuffer.KEPT).plusMillis(1);

        assertThat(buffer.anyListeners()).isFalse();
    }

    @Test
    void aListenerOnThisInstanceCountsAtOnce() {
        ReplayBuffer buffer = new ReplayBuffer(redis, new Settable(T));
        assertThat(buffer.anyListeners()).isFalse();
        UUID user = UUID.randomUUID();
        written.add(user.toString());

        buffer.listening(List.of(user));

        assertThat(buffer.anyListeners()).isTrue();
        assertThat(buffer.listeners(List.of(user))).containsExactly(user);
    }

    private void heartbeat(Instant at) {
        String member = UUID.randomUUID().toString();
        written.add(member);
        redis.opsForZSet().add(LISTENERS, member, at.toEpochMilli());
    }

    /** A clock the test moves. */
    private static final class Settable extends Clock {

        volatile Instant now;

        Settable(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
