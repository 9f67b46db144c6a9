package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping the user directory and replaying the event store rebuilds exactly the same rows. */
@QuerySideTest
class UserDirectoryReplayTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void resettingTheProcessorRebuildsTheSameReadModel() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        EventStoreFixture store = EventStoreFixture.shared();
        String marker = "replay" + UUID.randomUUID().toString().substring(0, 8);
        String city = "City-" + marker;
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            store.append("UserAccount", id, 0, UserTestEvents.registered(id, "Agent" + i, "Rao-" + marker, Role.AGENT));
            store.append("UserAccount", id, 1, UserTestEvents.agentProfile(id, city, i, "residential"));
            store.append("UserAccount", id, 2, UserTestEvents.licenceReviewed(id, AgentVerificationStatus.PENDING,
                                                                              AgentVerificationStatus.VERIFIED));
            store.append("UserAccount", id, 3, new UserLoggedIn(new UserId(id), Instant.parse("2026-11-20T09:00:00Z")
                                                                                       .plusSeconds(i)));
        }
        String head = Long.toString(store.head());
        String users = "/api/users?q=" + marker + "&size=100&sort=lastLoginAt,desc";
        String agents = "/api/agents?city=" + city + "&size=100";
        JsonNode usersBefore = api.get(users, "X-Await-Position", head).json();
        JsonNode agentsBefore = api.get(agents).json();
        assertThat(usersBefore.path("total").asLong()).isEqualTo(10);
        assertThat(agentsBefore.path("total").asLong()).isEqualTo(10);
        // A row no event explains must not survive a rebuild.
        jdbc.update("""
                INSERT INTO user_directory (id, first_name, last_name, role, country, status, email_verified,
                  phone_verified, registered_at, version, updated_at)
                VALUES (?, 'Ghost', ?, 'tenant', 'IN', 'active', false, false, now(), 0, now())""",
                    UUID.randomUUID(), "Rao-" + marker);

        Rebuilds.rebuild(api, "user-directory", head);
        assertThat(api.get(users, "X-Await-Position", head).json()).isEqualTo(usersBefore);
        assertThat(api.get(agents).json()).isEqualTo(agentsBefore);
    }
}
