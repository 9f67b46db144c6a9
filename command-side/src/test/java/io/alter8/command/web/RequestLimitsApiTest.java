package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversize bodies answer 413 problem+json, declared or streamed, and what Tomcat refuses by itself (a NUL or an
 * encoded ../ in the path) answers problem+json rather than its HTML page.
 */
@CommandSideTest
class RequestLimitsApiTest {

    static final int MEGABYTE = 1024 * 1024;

    @LocalServerPort
    int port;
    ApiClient owner;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
    }

    /** A valid registration, padded with white space to {@code size} bytes. */
    static byte[] padded(String json, int size) {
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    static void assertTooLarge(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/body-too-large");
        assertThat(r.json().path("detail").asString()).contains(Integer.toString(MEGABYTE));
    }

    @Test
    void aBodyDeclaredLargerThanAMegabyteIsRefusedBeforeItIsRead() {
        byte[] body = padded(apartment(null, null, "Studio", "12000"), MEGABYTE + 1);

        assertTooLarge(owner.send("POST", "/api/properties", BodyPublishers.ofByteArray(body),
                                  "Content-Type", "application/json"));
    }

    @Test
    void aStreamedBodyIsCutOffAtAMegabyte() {
        byte[] body = padded(apartment(null, null, "Studio", "12000"), MEGABYTE + MEGABYTE / 2);

        assertTooLarge(owner.send("POST", "/api/properties",
                                  BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                                  "Content-Type", "application/json"));
        assertTooLarge(owner.send("POST", "/api/properties",
                                  BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                                  "Content-Type", "application/json", "Idempotency-Key", "big-" + UUID.randomUUID()));
    }

    @Test
    void aMegabyteOrLessIsReadAsUsual() {
        byte[] body = padded(apartment(null, null, "Studio", "12000"), MEGABYTE);

        Response r = owner.send("POST", "/api/properties", BodyPublishers.ofByteArray(body),
                                "Content-Type", "application/json");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void theBulkImportHasItsOwnLargerCap() {
        byte[] body = padded("{\"listings\": []}", 2 * MEGABYTE);

        Response r = admin.send("POST", "/api/admin/property-imports", BodyPublishers.ofByteArray(body),
                                "Content-Type", "application/json");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.fieldErrors()).anyMatch(e -> e.startsWith("listings"));
    }

    @Test
    void pathsTomcatRefusesItselfAnswerProblemJson() {
        for (String path : new String[]{"/api/properties/%00", "/api/..%2f..%2fetc%2fpasswd", "/api/%2e%2e/%00"}) {
            Response r = owner.get(path);

            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).hasValue("application/problem+json");
            assertThat(r.json().path("status").asInt()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Tomcat").doesNotContain("<html");
        }
    }
}
