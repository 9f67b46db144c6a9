package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.web.security.AccountStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access token stops working on the command side the moment its session ends (logout, revocation, password reset,
 * deactivation), and the query side is told through Redis before the answer; tokens that name no session are refused,
 * except service tokens, which work on every route without pretending to have a session.
 */
@CommandSideTest
class TokenRevocationApiTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    ApiClient anonymous;
    ApiClient admin;
    TestUsers.User user;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        user = TestUsers.register(anonymous, "owner", PASSWORD);
    }

    record LoggedIn(ApiClient api, UUID sessionId) {
    }

    LoggedIn login(String login, String password) {
        Response r = anonymous.post("/api/auth/login",
                                    "{\"login\": \"%s\", \"password\": \"%s\"}".formatted(login, password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new LoggedIn(anonymous.withToken(r.json().path("accessToken").asString()),
                            UUID.fromString(r.json().path("sessionId").asString()));
    }

    static void assertRefused(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void aLoggedOutTokenIsRefusedAndTheQuerySideIsToldForAsLongAsTheTokenLives() {
        LoggedIn me = login(user.email(), PASSWORD);
        assertThat(me.api().get("/api/auth/sessions").status()).isEqualTo(200);

        assertThat(me.api().post("/api/auth/logout", "").status()).isEqualTo(204);

        assertRefused(me.api().get("/api/auth/sessions"));
        assertRefused(me.api().put("/api/auth/two-factor", "{\"enabled\": true}"));
        String mark = AccountStatus.revokedSessionKey(me.sessionId());
        assertThat(redis.hasKey(mark)).isTrue();
        assertThat(redis.getExpire(mark, TimeUnit.SECONDS)).isBetween(15 * 60L, 16 * 60L);
    }

    @Test
    void aSessionEndedFromAnotherDeviceRefusesItsTokenAndLeavesTheOthers() {
        LoggedIn laptop = login(user.email(), PASSWORD);
        LoggedIn phone = login(user.phone(), PASSWORD);

        assertThat(laptop.api().delete("/api/auth/sessions/" + phone.sessionId()).status()).isEqualTo(204);

        assertRefused(phone.api().get("/api/auth/sessions"));
        assertThat(laptop.api().get("/api/auth/sessions").status()).isEqualTo(200);
        assertThat(redis.hasKey(AccountStatus.revokedSessionKey(phone.sessionId()))).isTrue();
        assertThat(redis.hasKey(AccountStatus.revokedSessionKey(laptop.sessionId()))).isFalse();
    }

    @Test
    void afterAPasswordResetEveryOldTokenIsRefused() {
        LoggedIn before = login(user.email(), PASSWORD);
        Response requested = anonymous.post("/api/auth/otp/request",
                                            "{\"purpose\": \"password_reset\", \"login\": \"" + user.email() + "\"}");
        // The outbox keeps the code sealed; the test stack's sender sees it as sent.
        String code = SentMessages.latestCode(user.phone()).orElseThrow();

        Response reset = anonymous.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "password_reset", "code": "%s", "newPassword": "%s"}"""
                .formatted(requested.json().path("challengeId").asString(), code, "another long password 42"));

        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertRefused(before.api().get("/api/auth/sessions"));
        assertThat(redis.hasKey(AccountStatus.revokedSessionKey(before.sessionId()))).isTrue();
    }

    @Test
    void aDeactivatedUsersTokenIsRefused() {
        LoggedIn me = login(user.email(), PASSWORD);

        Response deactivated = admin.post("/api/users/" + user.id() + "/deactivate", "{\"reason\": \"fraud\"}");

        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertRefused(me.api().get("/api/auth/sessions"));
        assertThat(redis.hasKey(AccountStatus.revokedSessionKey(me.sessionId()))).isTrue();
    }

    @Test
    void aTokenNamingASessionThatDoesNotExistOrIsSomeoneElsesIsRefused() {
        LoggedIn theirs = login(user.email(), PASSWORD);
        UUID stranger = UUID.randomUUID();

        assertRefused(anonymous.withToken(TestTokens.mintForSession(stranger, UUID.randomUUID(), "owner"))
                               .get("/api/auth/sessions"));
        assertRefused(anonymous.withToken(TestTokens.mintForSession(stranger, theirs.sessionId(), "owner"))
                               .get("/api/auth/sessions"));
    }

    @Test
    void aServiceTokenListsNoCurrentSessionAndCannotLogOutButKeepsWorking() {
        ApiClient service = anonymous.withToken(TestTokens.mint(user.id(), "owner"));
        login(user.email(), PASSWORD);

        Response sessions = service.get("/api/auth/sessions");
        Response logout = service.post("/api/auth/logout", "");

        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().size()).isEqualTo(1);
        assertThat(sessions.json().get(0).path("current").asBoolean()).isFalse();
        assertThat(logout.status()).isEqualTo(409);
        assertThat(logout.contentType()).hasValue("application/problem+json");
        assertThat(logout.json().path("type").asString()).isEqualTo("https://alter8.io/problems/no-session");
        assertThat(service.get("/api/auth/sessions").status()).isEqualTo(200);
    }
}
