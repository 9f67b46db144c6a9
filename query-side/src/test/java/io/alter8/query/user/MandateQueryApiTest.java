package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.ManagementMandateRevoked;
import io.alter8.api.user.Role;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static io.alter8.query.user.UserTestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** Owners see the managers they gave a mandate, managers the owners they act for; nobody sees anyone else's. */
@QuerySideTest
class MandateQueryApiTest {

    static final String USER = "UserAccount";

    @LocalServerPort
    int port;
    EventStoreFixture store = EventStoreFixture.shared();

    ApiClient as(UUID userId, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(userId, role));
    }

    @Test
    void anOwnerSeesTheirManagersAndAManagerTheirOwners() {
        UUID owner = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        UUID former = UUID.randomUUID();
        store.append(USER, manager, 0, registered(manager, "Meera", "Iyer", Role.PROPERTY_MANAGER));
        store.append(USER, former, 0, registered(former, "Vikram", "Shah", Role.PROPERTY_MANAGER));
        UserId o = new UserId(owner);
        store.append(USER, owner, 0, registered(owner, "Asha", "Rao", Role.OWNER));
        store.append(USER, owner, 1, new ManagementMandateGranted(o, new UserId(former), o));
        store.append(USER, owner, 2, new ManagementMandateGranted(o, new UserId(manager), o));
        long position = store.append(USER, owner, 3, new ManagementMandateRevoked(o, new UserId(former), o));
        String await = Long.toString(position);

        Response mine = as(owner, "owner").get("/api/users/me/managers", "X-Await-Position", await);
        Response theirs = as(manager, "property_manager").get("/api/users/me/mandates", "X-Await-Position", await);
        Response formers = as(former, "property_manager").get("/api/users/me/mandates", "X-Await-Position", await);

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().path("total").asLong()).isEqualTo(1);
        assertThat(mine.json().path("items").get(0).path("manager").path("id").asString())
                .isEqualTo(manager.toString());
        assertThat(mine.json().path("items").get(0).path("manager").path("lastName").asString()).isEqualTo("Iyer");
        assertThat(theirs.json().path("items").get(0).path("owner").path("firstName").asString()).isEqualTo("Asha");
        assertThat(formers.json().path("total").asLong()).as("a revoked mandate is gone").isZero();
        assertThat(mine.body()).doesNotContain("@example.com");
    }

    @Test
    void otherRolesAskingForMandatesGet403() {
        for (String role : new String[]{"tenant", "agent", "admin", "property_manager"}) {
            Response r = as(UUID.randomUUID(), role).get("/api/users/me/managers");
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        assertThat(as(UUID.randomUUID(), "owner").get("/api/users/me/mandates").status()).isEqualTo(403);
    }
}
