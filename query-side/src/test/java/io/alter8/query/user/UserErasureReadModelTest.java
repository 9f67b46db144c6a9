package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserErasureRequested;
import io.alter8.api.user.UserRegistered;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the read side shows of an erased user: the directory row stays (leases and history name the id) with its
 * personal values gone and status erased, the owner's mandates end, Redis refuses their still-valid token, and a
 * replay or a late event cannot bring a value back.
 */
@QuerySideTest
class UserErasureReadModelTest {

    static final String USER = "UserAccount";

    @LocalServerPort
    int port;
    @Autowired
    UserDirectoryProjector projector;
    @Autowired
    UserPermissionsCache cache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    ApiClient as(UUID id, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(id, role));
    }

    @Test
    void anErasedUserShowsAsErasedWithNothingPersonalAndTheirTokenStopsWorking() {
        UUID id = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        EventStoreFixture store = EventStoreFixture.shared();
        store.append(USER, id, 0, UserTestEvents.registered(id, "Kavya", "Menon", Role.OWNER));
        store.append(USER, id, 1, UserTestEvents.ownerProfile(id));
        store.append(USER, id, 2, new ManagementMandateGranted(new UserId(id), new UserId(manager), new UserId(id)));
        long asked = store.append(USER, id, 3, new UserErasureRequested(new UserId(id)));
        ApiClient user = as(id, "owner");
        ApiClient admin = as(UUID.randomUUID(), "admin");
        Response before = admin.get("/api/users/" + id, "X-Await-Position", Long.toString(asked));
        assertThat(before.json().path("erasureRequestedAt").isNull()).isFalse();
        assertThat(before.json().path("status").asString()).isEqualTo("active");
        assertThat(admin.get("/api/users?erasureRequested=true&size=100&sort=registeredAt,desc").body())
                .contains(id.toString());
        assertThat(admin.get("/api/users?erasureRequested=false&size=100&sort=registeredAt,desc").body())
                .doesNotContain(id.toString());
        assertThat(user.get("/api/properties").status()).isEqualTo(200);

        long erased = store.append(USER, id, 4, new UserErased(new UserId(id), "the user's request", true,
                                                               UserId.random()));

        Response after = admin.get("/api/users/" + id, "X-Await-Position", Long.toString(erased));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        JsonNode view = after.json();
        assertThat(view.path("status").asString()).isEqualTo("erased");
        for (String field : new String[] {"email", "phoneMasked", "firstName", "lastName", "lastLoginAt"}) {
            assertThat(view.path(field).isNull()).as(field).isTrue();
        }
        assertThat(view.path("owner").path("panMasked").isNull()).isTrue();
        assertThat(view.path("owner").path("bankAccountMasked").isNull()).isTrue();
        assertThat(after.body()).doesNotContain("Kavya").doesNotContain("Menon");
        assertThat(view.path("role").asString()).isEqualTo("owner");
        assertThat(admin.get("/api/users?status=erased&size=100").body()).contains(id.toString());
        assertThat(jdbc.queryForObject("SELECT active FROM management_mandate WHERE owner_id = ?", Boolean.class, id))
                .isFalse();
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(cache.standing(id, null).active()).isFalse());
        assertThat(user.get("/api/properties").status()).isEqualTo(401);
    }

    @Test
    void aReplayOrALateEventCannotBringAnErasedUsersValuesBack() {
        UUID id = UUID.randomUUID();
        UserId user = new UserId(id);
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Runnable history = () -> tx.executeWithoutResult(s -> {
            projector.on(UserTestEvents.registered(id, "Kavya", "Menon", Role.OWNER), 0, at);
            projector.on(UserTestEvents.ownerProfile(id), 1, at);
            projector.on(new UserErased(user, "court order", false, UserId.random()), 2, at);
        });
        history.run();
        Map<String, Object> once = jdbc.queryForMap("SELECT * FROM user_directory WHERE id = ?", id);

        history.run();
        tx.executeWithoutResult(s -> projector.on(UserTestEvents.detailsChanged(id, "Kavya", "Rao", "en"),
                                                  1, at));
        cache.on(UserTestEvents.registered(id, "Kavya", "Menon", Role.OWNER), 0);
        cache.on(new UserErased(user, "court order", false, UserId.random()), 2);
        cache.on(UserTestEvents.registered(id, "Kavya", "Menon", Role.OWNER), 0);

        assertThat(jdbc.queryForMap("SELECT * FROM user_directory WHERE id = ?", id)).isEqualTo(once)
                .containsEntry("status", "erased").containsEntry("first_name", null)
                .containsEntry("email", null).containsEntry("owner_pan_masked", null);
        assertThat(cache.standing(id, null).active()).isFalse();
    }

    @Test
    void namesAndEmailReadThroughThePersonsKeyAndARebuildAfterItIsShreddedWritesNoneOfThem() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        UserRegistered registered = UserTestEvents.registered(id, "kavya@example.com", "+919876543210", "Kavya",
                                                              "Menon", Role.TENANT);
        PersonalDetailsChanged renamed = UserTestEvents.detailsChanged(id, "Kavya", "Rao", "en");
        Runnable registration = () -> tx.executeWithoutResult(s -> {
            projector.on(registered, 0, at);
            projector.on(renamed, 1, at);
        });
        registration.run();
        assertThat(jdbc.queryForMap("SELECT * FROM user_directory WHERE id = ?", id))
                .containsEntry("first_name", "Kavya").containsEntry("last_name", "Rao")
                .containsEntry("email", "kavya@example.com").containsEntry("phone_masked", "+9XXXXX210");

        // The command side shreds the key in the erasure's transaction; a rebuild may read the earlier events before
        // it reaches UserErased.
        EventStoreFixture.shared().personalData().shred(new UserId(id));
        jdbc.update("DELETE FROM user_directory WHERE id = ?", id);
        registration.run();

        assertThat(jdbc.queryForMap("SELECT * FROM user_directory WHERE id = ?", id))
                .containsEntry("first_name", null).containsEntry("last_name", null).containsEntry("email", null)
                .containsEntry("status", "active");
    }
}
