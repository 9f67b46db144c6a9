package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.web.security.AccountStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side refuses a token whose session the command side marked revoked (logout, revocation, password reset,
 * deactivation all mark through {@link AccountStatus#revokedSessionKey}), and a token whose roles are no longer the
 * account's, within a second of the change.
 */
@QuerySideTest
class LiveTokenApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    UserPermissionsCache cache;

    static void assertRefused(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void aTokenOfASessionTheCommandSideEndedIsRefused() {
        UUID session = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        ApiClient loggedOut = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mintForSession(user, session, "owner"));
        ApiClient stillIn = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mintForSession(user, other, "owner"));
        assertThat(loggedOut.get("/api/properties").status()).isEqualTo(200);

        // What the command side's logout writes before it answers.
        redis.opsForValue().set(AccountStatus.revokedSessionKey(session), "1", Duration.ofMinutes(16));

        assertRefused(loggedOut.get("/api/properties"));
        assertThat(stillIn.get("/api/properties").status()).isEqualTo(200);
    }

    @Test
    void aFieldExecutivesTokenIsRefusedWithinASecondOfTheDemotionAndTheNewRolesTokenWorks() {
        UUID id = UUID.randomUUID();
        EventStoreFixture store = EventStoreFixture.shared();
        store.append("UserAccount", id, 0, UserTestEvents.registered(id, "Ravi", "Kumar", Role.FIELD_EXECUTIVE));
        ApiClient before = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mintForSession(id, UUID.randomUUID(), "field_executive"));
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(cache.entry(id)).containsEntry("role", "field_executive"));
        assertThat(before.get("/api/properties").status()).isEqualTo(200);

        store.append("UserAccount", id, 1, new RoleChanged(new UserId(id), Role.FIELD_EXECUTIVE, Role.TENANT,
                                                           UserId.random()));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
               .untilAsserted(() -> assertRefused(before.get("/api/properties")));
        assertThat(new ApiClient("http://localhost:" + port)
                           .withToken(TestTokens.mintForSession(id, UUID.randomUUID(), "tenant"))
                           .get("/api/properties").status())
                .isEqualTo(200);
    }
}
