package io.alter8.command.process;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators see where each process stands against the head of the event store; nobody else does. */
@CommandSideTest
class ProcessingGroupApiTest {

    static final String GROUPS = "/api/admin/processing-groups";

    @LocalServerPort
    int port;

    @Test
    void adminsSeeEveryProcessCatchUpWithTheHeadAfterNewEvents() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        long headBefore = head(admin.get(GROUPS).json());
        TestUsers.register(anonymous, "tenant", "a long enough password");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response answer = admin.get(GROUPS);
            assertThat(answer.status()).isEqualTo(200);
            List<JsonNode> groups = answer.json().valueStream().toList();
            assertThat(groups).extracting(g -> g.path("name").asString())
                              .containsExactly("document-text", "lease-agreements", "lease-occupancy",
                                                "media-renditions", "notification-rules", "verification-process");
            for (JsonNode group : groups) {
                assertThat(group.path("head").asLong()).isGreaterThan(headBefore);
                assertThat(group.path("state").asString()).isEqualTo("up");
                assertThat(group.path("position").asLong()).isEqualTo(group.path("head").asLong());
                assertThat(group.path("lag").asLong()).isZero();
                assertThat(group.path("segments").valueStream().map(s -> s.path("position").asLong()))
                        .isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo(group.path("head").asLong()));
            }
        });
    }

    @Test
    void onlyAdminsSeeTheProcesses() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        assertThat(anonymous.get(GROUPS).status()).isEqualTo(401);
        for (String role : List.of("owner", "tenant", "auditor", "analyst")) {
            Response refused = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role)).get(GROUPS);
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "super_admin")).get(GROUPS).status())
                .isEqualTo(200);
    }

    private static long head(JsonNode groups) {
        return groups.valueStream().mapToLong(g -> g.path("head").asLong()).max().orElse(-1);
    }
}
