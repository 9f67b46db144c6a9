package io.alter8.command;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on besides the API: readiness, OpenAPI, Swagger UI. */
@CommandSideTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;

    @Test
    void readinessCoversTheEventStoreAndShowsDetailsToAdminsOnly() {
        ApiClient anyone = new ApiClient("http://localhost:" + port);
        ApiClient.Response r = anyone.get("/actuator/health/readiness");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");

        JsonNode asAdmin = anyone.withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                                 .get("/actuator/health/readiness").json().path("components");
        assertThat(asAdmin.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(asAdmin.path("eventStore").path("status").asString()).isEqualTo("UP");
        assertThat(asAdmin.path("eventStore").path("details").path("headPosition").isNumber()).isTrue();
    }

    /** The attack: an anonymous caller maps the deployment from the health components. */
    @Test
    void anonymousHealthShowsOnlyTheOverallStatus() {
        ApiClient anyone = new ApiClient("http://localhost:" + port);
        for (String path : new String[]{"/actuator/health", "/actuator/health/readiness"}) {
            ApiClient.Response r = anyone.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            // The root also names its probe groups (liveness, readiness): Kubernetes' own names, no component.
            assertThat(r.json().propertyNames()).as(path + " " + r.body()).isSubsetOf("status", "groups");
            assertThat(r.body()).doesNotContain("components").doesNotContain("eventStore").doesNotContain("db");
        }
        ApiClient.Response tenant = anyone.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"))
                                          .get("/actuator/health");
        assertThat(tenant.json().has("components")).as("not for signed-in users either").isFalse();
        ApiClient.Response admin = anyone.withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                                         .get("/actuator/health");
        assertThat(admin.json().path("components").has("eventStore")).isTrue();
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        ApiClient.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/properties")).isTrue();
        assertThat(docs.json().path("paths").has("/api/properties/{id}/monthly-rent")).isTrue();
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
