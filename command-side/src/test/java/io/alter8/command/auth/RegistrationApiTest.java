package io.alter8.command.auth;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.Role;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up through HTTP: one transaction for the account and its credential; the password never in an event. */
@CommandSideTest
class RegistrationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    ApiClient api;
    static final String PASSWORD = "a long enough password";

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    String body(String email, String phone, String role, String country) {
        return """
                {"email": "%s", "phone": "%s", "firstName": "Asha", "lastName": "Rao", "role": "%s",
                 "country": "%s", "password": "%s"}""".formatted(email, phone, role, country, PASSWORD);
    }

    @Test
    void signingUpStoresTheAccountAsAnEventAndThePasswordOnlyAsAHash() {
        String email = "Asha-" + UUID.randomUUID() + "@Example.com";
        Response r = api.post("/api/auth/register", body(email, "+919876501234".substring(0, 4)
                + String.format("%09d", Math.abs(email.hashCode()) % 1_000_000_000), "owner", "IN"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(r.header("Location")).endsWith("/api/users/" + id);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                                     + "WHERE aggregate_identifier = ?", String.class, id);
        assertThat(payload).contains(email.toLowerCase()).doesNotContain(PASSWORD);
        String hash = jdbc.queryForObject("SELECT password_hash FROM credential WHERE user_id = ?::uuid",
                                          String.class, id);
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
        Response login = api.post("/api/auth/login", "{\"login\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\"}");
        assertThat(login.status()).isEqualTo(200);
        Response afterLogin = api.withToken(login.json().path("accessToken").asString()).get("/api/auth/sessions");
        assertThat(afterLogin.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                               + "AND payload_type LIKE '%UserLoggedIn'", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aTakenEmailIsA409AndNothingIsStored() {
        TestUsers.User first = TestUsers.register(api, "tenant", PASSWORD);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        Response again = api.post("/api/auth/register", body(first.email(), "+919000000001", "tenant", "IN"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).hasValue("application/problem+json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM credential WHERE phone = '+919000000001'", Long.class))
                .isZero();
    }

    @Test
    void nobodySignsThemselvesUpAsAnAdmin() {
        Response r = api.post("/api/auth/register", body("boss-" + UUID.randomUUID() + "@example.com",
                                                          "+919111111111", "admin", "IN"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void badInputListsEveryField() {
        Response r = api.post("/api/auth/register", """
                {"email": "not-an-email", "phone": "+12125550123", "firstName": "", "role": "king",
                 "country": "IN", "password": "short"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "email: must be an email address like name@example.com",
                "phone: must be a mobile number of the country, like +919876543210 (IN) or +12125550123 (US)",
                "firstName: must not be blank",
                "lastName: must not be blank",
                "role: must be one of: owner, tenant, agent, field_executive, property_manager, admin, super_admin, "
                        + "auditor, analyst",
                "password: must be 10 to 200 characters");
    }

    @Test
    void aDeactivatedUserCannotLogInAndLosesTheirSessions() {
        TestUsers.User user = TestUsers.register(api, "tenant", PASSWORD);
        String refresh = api.post("/api/auth/login", "{\"login\": \"" + user.email() + "\", \"password\": \""
                + PASSWORD + "\"}").json().path("refreshToken").asString();

        commands.sendAndWait(new DeactivateUser(new UserId(user.id()), "fraud",
                                                new Actor(new UserId(UUID.randomUUID()), Role.ADMIN)));

        assertThat(api.post("/api/auth/login", "{\"login\": \"" + user.email() + "\", \"password\": \"" + PASSWORD
                + "\"}").status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}").status()).isEqualTo(401);
    }
}
