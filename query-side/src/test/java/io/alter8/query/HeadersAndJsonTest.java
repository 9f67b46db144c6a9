package io.alter8.query;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query side's answers carry a Content-Security-Policy, and its JSON reading refuses repeated keys. */
@QuerySideTest
class HeadersAndJsonTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void apiAnswersForbidLoadingAndFramingAnythingWhileSwaggerUiMayLoadItsOwnFiles() {
        ApiClient tenant = api().withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
        for (Response r : new Response[]{tenant.get("/api/properties"), api().get("/api/properties"),
                tenant.get("/api/properties/" + UUID.randomUUID()), api().get("/actuator/health")}) {
            assertThat(r.header("Content-Security-Policy")).as(r.status() + " " + r.body())
                                                          .startsWith("default-src 'none'; frame-ancestors 'none'");
        }
        Response page = api().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';")
                                                          .contains("connect-src 'self'");
    }

    /** The query side takes no JSON bodies today; the mapper its HTTP layer reads with is strict all the same. */
    @Test
    void theHttpMapperRefusesRepeatedKeys() {
        assertThatThrownBy(() -> json.readTree("{\"size\": 1, \"size\": 100}"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate Object property \"size\"");
    }
}
