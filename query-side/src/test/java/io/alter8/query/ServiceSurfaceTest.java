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
        JsonNode components = r.json().path("components");
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        for (String store : new String[]{"db", "eventStore", "mongo", "redis"}) {
            assertThat(components.path(store).path("status").asString()).as(store).isEqualTo("UP");
        }
        assertThat(components.path("eventStore").has("details")).isFalse();
        JsonNode asAdmin = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                .get("/actuator/health/readiness").json().path("components");
        assertThat(asAdmin.path("eventStore").path("details").has("property-listing")).isTrue();
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
