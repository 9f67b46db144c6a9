package io.alter8.query.web;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side caps bodies as the command side does, and answers Tomcat's own refusals as problem+json. */
@QuerySideTest
class RequestLimitsApiTest {

    @LocalServerPort
    int port;

    ApiClient reader() {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    @Test
    void aBodyOverAMegabyteIsRefusedWith413DeclaredOrStreamed() {
        byte[] body = new byte[1024 * 1024 + 512];

        Response declared = reader().send("GET", "/api/properties", BodyPublishers.ofByteArray(body));
        Response streamed = reader().send("POST", "/api/properties",
                                          BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                                          "Content-Type", "application/json");

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).hasValue("application/problem+json");
        assertThat(declared.json().path("type").asString()).isEqualTo("https://alter8.io/problems/body-too-large");
        // No route reads a POST body here, so nothing reaches the cap: the route's own answer comes back.
        assertThat(streamed.status()).isEqualTo(405);
        assertThat(streamed.contentType()).hasValue("application/problem+json");
    }

    @Test
    void aNulOrAnEncodedParentInThePathIsAProblemNotAnHtmlPage() {
        for (String path : new String[]{"/api/properties/%00", "/api/%2e%2e%2fusers"}) {
            Response r = reader().get(path);

            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).hasValue("application/problem+json");
            assertThat(r.body()).as(path).doesNotContain("<html");
        }
    }
}
