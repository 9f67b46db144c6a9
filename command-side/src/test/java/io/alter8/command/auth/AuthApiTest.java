package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, lockout, refresh rotation with reuse detection, logout and sessions, through HTTP. */
@CommandSideTest
class AuthApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Credentials credentials;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    UUID userId;
    String email;
    static final String PASSWORD = "correct horse battery staple";

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        TestUsers.User user = TestUsers.register(api, "owner", PASSWORD);
        userId = user.id();
        email = user.email();
    }

    Response login(String login, String password) {
        return api.post("/api/auth/login", "{\"login\": \"%s\", \"password\": \"%s\", \"deviceInfo\": \"test\"}"
                .formatted(login, password), "User-Agent", "AuthApiTest");
    }

    @Test
    void loginAnswersTokensThatOpenTheApi() {
        Response r = login(email.toUpperCase(), PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).contains("no-store");
        JsonNode body = r.json();
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isBetween(800L, 900L);
        assertThat(body.path("refreshToken").asString()).hasSizeGreaterThan(30);
        Response sessions = api.withToken(body.path("accessToken").asString()).get("/api/auth/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().get(0).path("current").asBoolean()).isTrue();
        assertThat(sessions.json().get(0).path("userAgent").asString()).isEqualTo("AuthApiTest");
    }

    @Test
    void wrongPasswordAndUnknownLoginReadTheSame() {
        Response wrong = login(email, "nope");
        Response unknown = login("nobody-" + UUID.randomUUID() + "@example.com", "nope");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.contentType()).hasValue("application/problem+json");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneUntilTheLockEnds() {
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong-" + i).status()).isEqualTo(401);
        }
        Response locked = login(email, PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(login(email, "wrong").body());

        jdbc.update("UPDATE credential SET locked_until = now() - interval '1 second' WHERE user_id = ?", userId);
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenWorksOnceAndReusingItEndsTheSession() {
        JsonNode first = login(email, PASSWORD).json();
        String refresh1 = first.path("refreshToken").asString();

        Response second = api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh1 + "\"}");
        assertThat(second.status()).isEqualTo(200);
        String refresh2 = second.json().path("refreshToken").asString();
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(second.json().path("sessionId").asString()).isEqualTo(first.path("sessionId").asString());

        Response reuse = api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh1 + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().path("type").asString()).isEqualTo("https://alter8.io/problems/invalid-refresh-token");
        // The thief's reuse also killed the legitimate holder's newer token.
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh2 + "\"}").status()).isEqualTo(401);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        String refresh = login(email, PASSWORD).json().path("refreshToken").asString();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE token_hash = ?", Long.class, refresh))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE token_hash = ?", Long.class,
                                       Sessions.hash(refresh))).isEqualTo(1);
    }

    @Test
    void logoutEndsTheSessionsRefreshToken() {
        JsonNode tokens = login(email, PASSWORD).json();
        Response out = api.withToken(tokens.path("accessToken").asString()).post("/api/auth/logout", "");
        assertThat(out.status()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\": \"" + tokens.path("refreshToken").asString()
                + "\"}").status()).isEqualTo(401);
    }

    @Test
    void aUserEndsOwnSessionsButNotOthers() {
        JsonNode phone = login(email, PASSWORD).json();
        JsonNode laptop = login(email, PASSWORD).json();
        ApiClient onLaptop = api.withToken(laptop.path("accessToken").asString());

        assertThat(onLaptop.get("/api/auth/sessions").json().size()).isEqualTo(2);
        assertThat(onLaptop.delete("/api/auth/sessions/" + phone.path("sessionId").asString()).status())
                .isEqualTo(204);
        assertThat(onLaptop.get("/api/auth/sessions").json().size()).isEqualTo(1);

        TestUsers.User stranger = TestUsers.register(api, "tenant", PASSWORD);
        String strangersSession = login(stranger.email(), PASSWORD).json().path("sessionId").asString();
        assertThat(onLaptop.delete("/api/auth/sessions/" + strangersSession).status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedUserCannotLogInOrRefresh() {
        String refresh = login(email, PASSWORD).json().path("refreshToken").asString();
        credentials.setActive(userId, false);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}").status()).isEqualTo(401);
    }

    @Test
    void missingLoginFieldsAreA400ListingBoth() {
        Response r = api.post("/api/auth/login", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder("login: must not be blank", "password: must not be blank");
    }
}
