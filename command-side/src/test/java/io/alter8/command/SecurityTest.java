package io.alter8.command;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command needs a valid token and a role that may send it; refusals are problem+json. */
@CommandSideTest
class SecurityTest {

    @LocalServerPort
    int port;

    private static final String RENT = "{\"amount\": \"1000\", \"currency\": \"INR\"}";

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void noTokenIsA401Problem() {
        Response r = api().post("/api/properties", "{}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/unauthenticated");
    }

    @Test
    void aForgedTokenIsA401() {
        Response r = api().withToken(TestTokens.forged(UUID.randomUUID(), "admin"))
                          .put("/api/properties/" + UUID.randomUUID() + "/monthly-rent", RENT);
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void aGarbledTokenIsA401() {
        Response r = api().withToken("not-a-jwt").post("/api/properties", "{}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void rolesThatMayNotListPropertiesGet403() {
        for (String role : new String[]{"tenant", "field_executive", "auditor", "analyst"}) {
            Response r = api().withToken(TestTokens.mint(UUID.randomUUID(), role)).post("/api/properties", "{}");
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/forbidden");
        }
    }

    @Test
    void healthAndApiDocsNeedNoToken() {
        assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api().get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsAreForAdminsOnly() {
        assertThat(api().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(api().withToken(TestTokens.mint(UUID.randomUUID(), "owner")).get("/actuator/metrics").status())
                .isEqualTo(403);
        assertThat(api().withToken(TestTokens.mint(UUID.randomUUID(), "admin")).get("/actuator/metrics").status())
                .isEqualTo(200);
    }
}
