package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key replays only to the user who sent the key, and never an answer that carries tokens. */
@CommandSideTest
class IdempotencyApiTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient anonymous;
    TestUsers.User user;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        user = TestUsers.register(anonymous, "owner", PASSWORD);
    }

    Response login(String key) {
        return anonymous.post("/api/auth/login", """
                {"login": "%s", "password": "%s"}""".formatted(user.email(), PASSWORD), "Idempotency-Key", key);
    }

    @Test
    void aLoginRepeatedWithTheSameKeyIsALoginOfItsOwnAndNothingIsStored() {
        String key = "login-" + UUID.randomUUID();

        Response first = login(key);
        Response again = login(key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().path("sessionId").asString()).isNotEqualTo(first.json().path("sessionId").asString());
        assertThat(again.json().path("accessToken").asString())
                .isNotEqualTo(first.json().path("accessToken").asString());
        assertThat(recordsWithKey(key)).isZero();
    }

    @Test
    void aSpentRefreshTokenSentAgainWithTheSameKeyIsRefusedAndEndsTheSession() {
        Response login = login("first-" + UUID.randomUUID());
        String refreshToken = login.json().path("refreshToken").asString();
        String body = "{\"refreshToken\": \"" + refreshToken + "\"}";
        String key = "refresh-" + UUID.randomUUID();

        Response first = anonymous.post("/api/auth/refresh", body, "Idempotency-Key", key);
        Response replay = anonymous.post("/api/auth/refresh", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).doesNotContain(first.json().path("accessToken").asString());
        // Reuse detection ended the session: the pair the first refresh gave is dead too.
        Response next = anonymous.post("/api/auth/refresh",
                                       "{\"refreshToken\": \"" + first.json().path("refreshToken").asString() + "\"}");
        assertThat(next.status()).isEqualTo(401);
        assertThat(recordsWithKey(key)).isZero();
    }

    @Test
    void anotherUserSendingTheSameKeyAndBodyGetsAFreshAnswerOfTheirOwn() {
        String key = "shared-" + UUID.randomUUID();
        String body = apartment(null, null, "Studio", "12000");
        ApiClient first = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        ApiClient second = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));

        Response mine = first.post("/api/properties", body, "Idempotency-Key", key);
        Response theirs = second.post("/api/properties", body, "Idempotency-Key", key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().path("id").asString()).isNotEqualTo(mine.json().path("id").asString());
        assertThat(recordsWithKey(key)).isEqualTo(2);
        // The first user still gets their own answer back.
        Response replayed = first.post("/api/properties", body, "Idempotency-Key", key);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(mine.body());
    }

    private int recordsWithKey(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Integer.class,
                                   key);
    }
}
