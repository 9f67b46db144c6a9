package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Redis a session is not ended on one side only: the revocation fails with 503 and the session stays. */
@CommandSideTest
class SessionRevocationsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthSettings settings;
    @Autowired
    Sessions sessions;

    @Test
    void aRevocationThatCannotReachTheQuerySideEndsNothing() throws IOException {
        UUID user = UUID.randomUUID();
        UUID session = sessions.open(user, "test", "127.0.0.1", "SessionRevocationsTest",
                                     Instant.now().plus(1, ChronoUnit.DAYS));
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", freePort()));
        nowhere.afterPropertiesSet();
        nowhere.start();
        Sessions withoutRedis = new Sessions(jdbc, new SessionRevocations(new StringRedisTemplate(nowhere), settings));
        try {
            assertThatThrownBy(() -> withoutRedis.revoke(session, "logout"))
                    .isInstanceOfSatisfying(ApiException.class,
                                            e -> assertThat(e.problem().getStatus()).isEqualTo(503));
            assertThatThrownBy(() -> withoutRedis.revokeAll(user, "password-reset"))
                    .isInstanceOf(ApiException.class);
        } finally {
            nowhere.destroy();
        }

        assertThat(sessions.find(session)).hasValueSatisfying(s -> assertThat(s.revokedAt()).isNull());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
