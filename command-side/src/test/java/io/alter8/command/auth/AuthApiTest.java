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
    void lockedAndDeactivatedAccountsTakeAsLongToRefuseAsAWrongPassword() {
        TestUsers.User locked = TestUsers.register(api, "tenant", PASSWORD);
        jdbc.update("UPDATE credential SET locked_until = now() + interval '1 hour' WHERE user_id = ?", locked.id());
        TestUsers.User deactivated = TestUsers.register(api, "tenant", PASSWORD);
        credentials.setActive(deactivated.id(), false);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        List<String> refusedLogins = List.of(locked.email(), deactivated.email(), unknown);
        String refused = login(email, "not the password at all").body();
        for (String login : refusedLogins) {
            assertThat(login(login, PASSWORD).body()).as(login).isEqualTo(refused);
        }

        // Interleaved, so that warming up and noise from other processes fall on every kind alike.
        List<List<Long>> times = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                                         new java.util.ArrayList<>(), new java.util.ArrayList<>());
        for (int round = 0; round < 4; round++) {
            times.get(0).add(millis(() -> login(email, "not the password at all")));
            for (int i = 0; i < refusedLogins.size(); i++) {
                String login = refusedLogins.get(i);
                times.get(i + 1).add(millis(() -> login(login, PASSWORD)));
            }
        }
        long wrongPassword = median(times.get(0));
        for (int i = 0; i < refusedLogins.size(); i++) {
            // Before, a locked or deactivated account answered in a tenth of the time of a password check.
            assertThat(median(times.get(i + 1))).as(refusedLogins.get(i)).isGreaterThan(wrongPassword / 2);
        }
    }

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void aPasswordOfManyBytesIsHashedAndCheckedNotAServerError() {
        String longPassword = "ünïcödé pässwörd ".repeat(8);
        TestUsers.User user = TestUsers.register(api, "tenant", longPassword);

        assertThat(login(user.email(), longPassword).status()).isEqualTo(200);
        assertThat(login(user.email(), longPassword + "x").status()).isEqualTo(401);
        assertThat(login(email, longPassword).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM credential WHERE user_id = ?", String.class,
                                       user.id())).startsWith("{argon2}$argon2id$");
    }

    @Test
    void aBcryptHashFromBeforeStillLogsInAndIsRehashedWithArgon2() {
        jdbc.update("UPDATE credential SET password_hash = ? WHERE user_id = ?",
                    new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(PASSWORD), userId);
        // Longer than BCrypt can take: a wrong password, not a server error.
        assertThat(login(email, "x".repeat(100)).status()).isEqualTo(401);

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);

        String hash = jdbc.queryForObject("SELECT password_hash FROM credential WHERE user_id = ?", String.class,
                                          userId);
        assertThat(hash).startsWith("{argon2}");
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingLoginFieldsAreA400ListingBoth() {
        Response r = api.post("/api/auth/login", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder("login: must not be blank", "password: must not be blank");
    }
}
