package io.alter8.query;

import io.alter8.infra.stack.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilds a read model as operators do, through the processors endpoint, for the replay tests. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Resets the processor (as an admin) and waits until its replay is over and it has read up to {@code head}. */
    public static void rebuild(ApiClient admin, String processor, String head) {
        assertThat(admin.post("/actuator/processors/" + processor + "/reset", "").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = admin.get("/actuator/processors/" + processor).json();
            assertThat(status.path("replaying").asBoolean()).isFalse();
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(Long.parseLong(head));
        });
    }
}
