package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserReactivated;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The user:permissions:{userId} cache in Redis, and the query side refusing a deactivated user's valid token. */
@QuerySideTest
class UserPermissionsCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    UserPermissionsCache cache;

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameEntryAndOlderEventsAreIgnored() {
        UUID id = UUID.randomUUID();
        Runnable all = () -> {
            cache.on(UserTestEvents.registered(id, "Meera", "Iyer", Role.TENANT), 0);
            cache.on(new RoleChanged(new UserId(id), Role.TENANT, Role.AGENT, UserId.random()), 1);
            cache.on(new UserDeactivated(new UserId(id), "fraud", UserId.random()), 2);
        };
        all.run();
        Map<Object, Object> once = cache.entry(id);
        all.run();

        assertThat(cache.entry(id)).isEqualTo(once)
                                   .containsEntry("role", "agent").containsEntry("active", "false")
                                   .containsEntry("version", "2");
        cache.on(new UserReactivated(new UserId(id), UserId.random()), 1);
        assertThat(cache.standing(id, null).active()).isFalse();
    }

    @Test
    void aDeactivatedUsersValidTokenIsRefused() {
        UUID id = UUID.randomUUID();
        EventStoreFixture store = EventStoreFixture.shared();
        store.append("UserAccount", id, 0, UserTestEvents.registered(id, "Kabir", "Shah", Role.OWNER));
        ApiClient user = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(id, "owner"));
        assertThat(user.get("/api/properties").status()).isEqualTo(200);

        store.append("UserAccount", id, 1, new UserDeactivated(new UserId(id), "fraud", UserId.random()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cache.standing(id, null).active()).isFalse());
        assertThat(user.get("/api/properties").status()).isEqualTo(401);
        assertThat(new ApiClient("http://localhost:" + port)
                           .withToken(TestTokens.mint(UUID.randomUUID(), "owner")).get("/api/properties").status())
                .isEqualTo(200);
    }
}
