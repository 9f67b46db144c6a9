package io.alter8.query;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on besides the API: readiness, OpenAPI, Swagger UI. */
@QuerySideTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;

    @Test
    void readinessCoversTheEventStoreAndEveryReadStore() {
        ApiClient.Response r = new ApiClient("http://localhost:" + port).get("/actuator/health/readiness");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        JsonNode asAdmin = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                .get("/actuator/health/readiness").json().path("components");
        for (String store : new String[]{"db", "eventStore", "mongo", "redis"}) {
            assertThat(asAdmin.path(store).path("status").asString()).as(store).isEqualTo("UP");
        }
        assertThat(asAdmin.path("eventStore").path("details").has("property-listing")).isTrue();
    }

    /** The attack: an anonymous caller maps the deployment (which stores, which read models) from health. */
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
        ApiClient.Response admin = anyone.withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                                         .get("/actuator/health");
        assertThat(admin.json().path("components").has("redis")).isTrue();
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        ApiClient.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/properties/{id}")).isTrue();
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        for (String path : new String[]{"/api/nothing-here", "/api/users/" + UUID.randomUUID() + "/tenants"}) {
            ApiClient.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(r.body()).hasValue("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/not-found");
        }
    }
}
