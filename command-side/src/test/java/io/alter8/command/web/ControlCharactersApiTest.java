package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL (or any control character but tab, CR and LF) in any text of a command is refused at the edge with a 400
 * naming each field, and nothing is stored: one such character in an event would stall every read model of it.
 */
@CommandSideTest
class ControlCharactersApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient owner;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
    }

    static void assertBadFields(Response r, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.badFields()).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aPropertyTitleWithANulIsRefusedNamingTheTitleAndNothingIsStored() {
        String id = UUID.randomUUID().toString();

        Response r = owner.post("/api/properties", apartment(id, null, "2BHK\\u0000 near the metro", "25000"));

        assertBadFields(r, "title");
        assertThat(r.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       Long.class, id)).isZero();
    }

    @Test
    void everyBadStringOfABodyIsNamedAtOnceByItsJsonPath() {
        String body = apartment(null, null, "Flat\\u0007", "25000")
                .replace("\"Sunny 2BHK near the park\"", "\"Sunny\\u001b[31m\"")
                .replace("\"subType\": \"2bhk\"", "\"subType\": \"2bhk\\u0000\"")
                .replace("{\"code\": \"parking\"}", "{\"code\": \"park\\u0085ing\"}");

        Response r = owner.post("/api/properties", body);

        assertBadFields(r, "title", "description", "specs.subType", "amenities[1].code");
    }

    @Test
    void tabsAndLineBreaksStayAllowed() {
        Response r = owner.post("/api/properties", apartment(null, null, "Flat", "25000")
                .replace("\"Sunny 2BHK near the park\"", "\"Sunny\\tand\\r\\nbright\""));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aKeyWithAControlCharacterIsNamedEscaped() {
        Response r = owner.post("/api/properties", apartment(null, null, "Flat", "25000")
                .replace("\"petsAllowed\"", "\"pets\\u0000Allowed\""));

        assertBadFields(r, "preferences.pets\\u0000Allowed");
    }

    @Test
    void aLoginWhoseDeviceInfoHoldsANulIsA400NotA500() {
        TestUsers.User user = TestUsers.register(anonymous, "tenant", "a long enough password");

        Response r = anonymous.post("/api/auth/login", """
                {"login": "%s", "password": "%s", "deviceInfo": "a\\u0000"}""".formatted(user.email(),
                                                                                         user.password()));

        assertBadFields(r, "deviceInfo");
    }

    @Test
    void aHeaderWithAnAsciiControlCharacterIsRefusedByTheServerItself() throws IOException {
        // Tomcat refuses it before any filter runs (its error page is problem+json where ProblemReportValve is in).
        String answer = postWithHeader("User-Agent", new byte[]{'c', 'u', 'r', 'l', 0x01});

        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void aUserAgentWithAC1ControlCharacterIsRefusedNamingTheHeader() throws IOException {
        // Bytes 0x80-0xFF pass the server's header parser (as ISO-8859-1): 0x85 arrives as the control NEL.
        String answer = postWithHeader("User-Agent", new byte[]{'c', 'u', 'r', 'l', (byte) 0x85});

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").contains("\"field\":\"User-Agent\"");
    }

    @Test
    void anIdempotencyKeyWithAControlCharacterIsRefusedNamingTheHeader() throws IOException {
        String answer = postWithHeader("Idempotency-Key", new byte[]{'k', 'e', 'y', (byte) 0x85});

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").contains("\"field\":\"Idempotency-Key\"");
    }

    /** Java's HTTP client will not send such a header: the request is written by hand. */
    private String postWithHeader(String name, byte[] value) throws IOException {
        byte[] body = apartment(null, null, "Flat", "25000").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/properties HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                               + "Authorization: Bearer " + TestTokens.mint(UUID.randomUUID(), "owner") + "\r\n"
                               + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                               + name + ": ").getBytes(StandardCharsets.US_ASCII));
            out.write(value);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
