package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.command.subscription.Plans;
import io.alter8.command.subscription.SubscriptionCommandApiTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.web.security.AccountStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration API keys make the plan feature {@code api_access} real: only a plan enabling it lets an owner create a
 * key, the key buys an ordinary access token of its account, and revoking the key, deactivating the account or
 * leaving such a plan stops it. The secret is answered once and stored only as a hash.
 */
@CommandSideTest
class ApiKeyApiTest {

    static final String WITH_API_ACCESS = "[{\"feature\": \"properties\"}, {\"feature\": \"api_access\"}]";
    static final String WITHOUT_API_ACCESS = "[{\"feature\": \"properties\"}]";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    ApiClient anonymous;
    ApiClient admin;
    TestUsers.User user;
    ApiClient owner;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        user = TestUsers.register(anonymous, "owner", "correct horse battery staple");
        owner = anonymous.withToken(TestTokens.mint(user.id(), "owner"));
    }

    static void assertApiAccessRefused(Response r) {
        SubscriptionCommandApiTest.assertPlanLimit(r, "api_access", 0, 0);
    }

    static void assertUnauthorized(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    String createKey(String name) {
        Response created = owner.post("/api/users/me/api-keys", "{\"name\": \"%s\"}".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("secret").asString();
    }

    Response exchange(String key) {
        return anonymous.post("/api/auth/api-key-token", "{\"key\": \"%s\"}".formatted(key));
    }

    ApiClient integration(String key) {
        Response token = exchange(key);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return anonymous.withToken(token.json().path("accessToken").asString());
    }

    @Test
    void onTheFreeTierNoKeyIsMade() {
        assertApiAccessRefused(owner.post("/api/users/me/api-keys", "{\"name\": \"erp\"}"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE user_id = ?", Integer.class, user.id()))
                .isZero();
    }

    @Test
    void onAPlanWithApiAccessAKeyIsMadeShownOnceAndTradedForAWorkingToken() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);

        Response created = owner.post("/api/users/me/api-keys", "{\"name\": \"  Tally sync  \"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String secret = created.json().path("secret").asString();
        assertThat(secret).matches("a8k_[A-Za-z0-9_-]{43}");
        assertThat(created.json().path("name").asString()).isEqualTo("Tally sync");
        assertThat(jdbc.queryForObject("SELECT key_hash FROM api_key WHERE user_id = ?", String.class, user.id()))
                .isEqualTo(Sessions.hash(secret)).doesNotContain(secret);

        Response token = exchange(secret);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.json().path("expiresIn").asLong()).isBetween(1L, 15 * 60L);
        assertThat(token.json().path("refreshToken").isNull()).isTrue();
        ApiClient integration = anonymous.withToken(token.json().path("accessToken").asString());

        Response keys = integration.get("/api/users/me/api-keys");
        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        assertThat(keys.json().size()).isEqualTo(1);
        assertThat(keys.json().get(0).path("name").asString()).isEqualTo("Tally sync");
        assertThat(keys.json().get(0).path("lastUsedAt").isNull()).isFalse();
        assertThat(keys.body()).doesNotContain(secret).doesNotContain("secret");
        Response sessions = integration.get("/api/auth/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().get(0).path("current").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                                               + "LIKE ?", Integer.class, "%" + secret.substring(4) + "%")).isZero();
    }

    @Test
    void aRevokedKeyBuysNoTokenAndItsTokensStopAtOnce() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);
        String secret = createKey("erp");
        Response token = exchange(secret);
        ApiClient integration = anonymous.withToken(token.json().path("accessToken").asString());
        UUID keyId = UUID.fromString(owner.get("/api/users/me/api-keys").json().get(0).path("id").asString());

        assertThat(owner.delete("/api/users/me/api-keys/" + keyId).status()).isEqualTo(204);

        assertUnauthorized(exchange(secret));
        assertUnauthorized(integration.get("/api/users/me/api-keys"));
        assertThat(redis.hasKey(AccountStatus.revokedSessionKey(
                UUID.fromString(token.json().path("sessionId").asString())))).isTrue();
        assertThat(owner.get("/api/users/me/api-keys").json().get(0).path("revokedAt").isNull()).isFalse();
    }

    @Test
    void aWrongKeyIsA401ThatSaysNothingMore() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);
        createKey("erp");

        Response wrong = exchange("a8k_" + "A".repeat(43));

        assertUnauthorized(wrong);
        assertThat(wrong.json().path("type").asString()).endsWith("/problems/invalid-api-key");
    }

    @Test
    void anotherUserCannotSeeOrRevokeTheKey() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);
        String secret = createKey("erp");
        UUID keyId = UUID.fromString(owner.get("/api/users/me/api-keys").json().get(0).path("id").asString());
        ApiClient other = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "property_manager"));

        Response theirs = other.delete("/api/users/me/api-keys/" + keyId);

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.contentType()).hasValue("application/problem+json");
        assertThat(other.get("/api/users/me/api-keys").json().size()).isZero();
        assertThat(exchange(secret).status()).isEqualTo(200);
    }

    @Test
    void leavingThePlanClosesIntegrationAccessAtTheNextExchange() {
        String subscription = Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);
        String secret = createKey("erp");
        ApiClient integration = integration(secret);
        String smaller = Plans.define(admin, "No API " + UUID.randomUUID(), WITHOUT_API_ACCESS);

        Response changed = owner.put("/api/subscriptions/" + subscription + "/plan",
                                     "{\"planId\": \"%s\"}".formatted(smaller));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        assertApiAccessRefused(exchange(secret));
        assertUnauthorized(integration.get("/api/users/me/api-keys"));
        assertApiAccessRefused(owner.post("/api/users/me/api-keys", "{\"name\": \"another\"}"));
    }

    @Test
    void aDeactivatedAccountsKeyBuysNoTokenAndItsTokenStops() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);
        String secret = createKey("erp");
        ApiClient integration = integration(secret);

        Response deactivated = admin.post("/api/users/" + user.id() + "/deactivate", "{\"reason\": \"fraud\"}");

        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertUnauthorized(integration.get("/api/auth/sessions"));
        assertUnauthorized(exchange(secret));
    }

    @Test
    void badInputIsA400NamingTheField() {
        Plans.subscribeToNewPlan(admin, owner, WITH_API_ACCESS);

        Response blank = owner.post("/api/users/me/api-keys", "{\"name\": \" \"}");
        Response tooLong = owner.post("/api/users/me/api-keys", "{\"name\": \"%s\"}".formatted("x".repeat(101)));
        Response noKey = anonymous.post("/api/auth/api-key-token", "{}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.badFields()).containsExactly("name");
        assertThat(tooLong.badFields()).containsExactly("name");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.badFields()).containsExactly("key");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE user_id = ?", Integer.class, user.id()))
                .isZero();
    }
}
