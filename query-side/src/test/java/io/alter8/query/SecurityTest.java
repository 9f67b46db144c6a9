package io.alter8.query;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side checks the command side's tokens itself: signature, issuer, expiry; roles guard operations. */
@QuerySideTest
class SecurityTest {

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void queriesNeedAValidToken() {
        Response none = api().get("/api/properties");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).hasValue("application/problem+json");
        assertThat(api().withToken(TestTokens.forged(UUID.randomUUID(), "admin")).get("/api/properties").status())
                .isEqualTo(401);
        assertThat(api().withToken(TestTokens.mint(UUID.randomUUID(), "tenant")).get("/api/properties").status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsSeeAndResetProcessors() {
        ApiClient tenant = api().withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
        assertThat(tenant.get("/actuator/processors").status()).isEqualTo(403);
        assertThat(tenant.post("/actuator/processors/property-listing/reset", "").status()).isEqualTo(403);
        assertThat(api().post("/actuator/processors/property-listing/reset", "").status()).isEqualTo(401);
        assertThat(api().withToken(TestTokens.mint(UUID.randomUUID(), "admin")).get("/actuator/processors").status())
                .isEqualTo(200);
    }

    @Test
    void healthAndApiDocsNeedNoToken() {
        assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api().get("/v3/api-docs").status()).isEqualTo(200);
    }
}
