package io.alter8.command.auth;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.Role;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
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

    Response start(String email, String phone) {
        return api.asAnotherClient().post("/api/auth/register", body(email, phone, "owner", "IN"));
    }

    Response finish(Response started, String emailCode, String phoneCode) {
        return api.post("/api/auth/register/verify", """
                {"registrationId": "%s", "emailCode": "%s", "phoneCode": "%s"}""".formatted(
                started.json().path("registrationId").asString(), emailCode, phoneCode));
    }

    static String newPhone() {
        return "+919" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current()
                                                                          .nextInt(1_000_000_000));
    }

    long accountsWith(String email, String phone) {
        return jdbc.queryForObject("SELECT count(*) FROM credential WHERE email = ? OR phone = ?", Long.class,
                                   email.toLowerCase(), phone);
    }

    @Test
    void signingUpTakesTheCodesSentToTheEmailAndThePhoneThenStoresTheAccountWithThePasswordOnlyHashed() {
        String email = "Asha-" + UUID.randomUUID() + "@Example.com";
        String phone = newPhone();

        Response started = start(email, phone);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Cache-Control")).contains("no-store");
        assertThat(started.json().has("expiresAt")).isTrue();
        assertThat(accountsWith(email, phone)).as("no account before the codes").isZero();
        String emailCode = SentMessages.latestCode(email.toLowerCase(), "otp_email_verification").orElseThrow();
        String phoneCode = SentMessages.latestCode(phone, "otp_phone_verification").orElseThrow();
        String wrong = phoneCode.equals("000000") ? "111111" : "000000";
        assertThat(finish(started, emailCode, wrong).status()).isEqualTo(400);
        assertThat(accountsWith(email, phone)).isZero();

        Response r = finish(started, emailCode, phoneCode);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(r.header("Location")).endsWith("/api/users/" + id);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                                     + "WHERE aggregate_identifier = ?", String.class, id);
        // The event holds the contacts only encrypted (masked beside); the login row holds them for logging in.
        assertThat(payload).doesNotContain(email.toLowerCase()).doesNotContain(phone).doesNotContain(PASSWORD)
                           .contains("\"masked\":\"a***@***.com\"");
        assertThat(accountsWith(email, phone)).isEqualTo(1);
        String hash = jdbc.queryForObject("SELECT password_hash FROM credential WHERE user_id = ?::uuid",
                                          String.class, id);
        assertThat(hash).startsWith("{argon2}").doesNotContain(PASSWORD);
        assertThat(finish(started, emailCode, phoneCode).status()).as("a sign-up finishes once").isEqualTo(400);
        Response login = api.post("/api/auth/login", "{\"login\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\"}");
        assertThat(login.status()).isEqualTo(200);
        Response afterLogin = api.withToken(login.json().path("accessToken").asString()).get("/api/auth/sessions");
        assertThat(afterLogin.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                               + "AND payload_type LIKE '%UserLoggedIn'", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aTakenEmailOrPhoneAnswersLikeAFreshSignUpStoresNothingAndTellsItsOwner() {
        TestUsers.User first = TestUsers.register(api, "tenant", PASSWORD);
        Response fresh = start("fresh-" + UUID.randomUUID() + "@example.com", newPhone());
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class);
        String otherPhone = newPhone();
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";

        // Before, a taken e-mail address answered 409 and so confirmed that it has an account.
        Response takenEmail = start(first.email(), otherPhone);
        Response takenPhone = start(otherEmail, first.phone());

        for (Response taken : List.of(takenEmail, takenPhone)) {
            assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(202);
            assertThat(taken.json().propertyNames()).isEqualTo(fresh.json().propertyNames());
        }
        assertThat(SentMessages.to(first.email())).filteredOn(m -> m.template().equals("registration_attempt"))
                                                  .hasSize(2);
        // No code to the taken phone beyond the one of its own sign-up.
        assertThat(SentMessages.to(first.phone())).hasSize(1);
        // The caller holds the other contact and its code, yet cannot finish: nothing tells why.
        String phoneCode = SentMessages.latestCode(otherPhone, "otp_phone_verification").orElseThrow();
        Response finishing = finish(takenEmail, "123456", phoneCode);
        assertThat(finishing.status()).isEqualTo(400);
        assertThat(finishing.json().path("type").asString()).isEqualTo("https://alter8.io/problems/invalid-otp");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class)).isEqualTo(events);
        assertThat(accountsWith(otherEmail, otherPhone)).isZero();
    }

    @Test
    void aSignUpCannotChooseTheIdOfItsAccount() {
        UUID someonesId = TestUsers.register(api, "tenant", PASSWORD).id();
        Response r = api.post("/api/auth/register", body("id-" + UUID.randomUUID() + "@example.com", newPhone(),
                                                          "owner", "IN").replace("{", "{\"id\": \"" + someonesId + "\", "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("id: is chosen by the server at sign-up");
    }

    @Test
    void commonAndShortPasswordsAreRefused() {
        for (String common : List.of("Password2024!", "qwertyuiop123", "iloveyou1234", "123456789012")) {
            Response r = api.post("/api/auth/register", body("p-" + UUID.randomUUID() + "@example.com", newPhone(),
                                                              "owner", "IN").replace(PASSWORD, common));
            assertThat(r.status()).as(common).isEqualTo(400);
            assertThat(r.fieldErrors()).as(common).containsExactly(
                    "password: is too common or known from a breach: choose another");
        }
        Response eleven = api.post("/api/auth/register", body("p-" + UUID.randomUUID() + "@example.com", newPhone(),
                                                               "owner", "IN").replace(PASSWORD, "eleven char"));
        assertThat(eleven.fieldErrors()).containsExactly("password: must be 12 to 200 characters");
    }

    @Test
    void anAdminCreatesAnAccountDirectlyForARoleNobodyTakesThemselves() {
        UUID admin = UUID.randomUUID();
        String email = "exec-" + UUID.randomUUID() + "@example.com";
        Response r = api.withToken(io.alter8.infra.stack.TestTokens.mint(admin, "admin"))
                        .post("/api/admin/users", body(email, newPhone(), "field_executive", "IN"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                               + "WHERE aggregate_identifier = ?", String.class, id))
                .contains(admin.toString());
        assertThat(api.post("/api/auth/login", "{\"login\": \"" + email + "\", \"password\": \"" + PASSWORD
                + "\"}").status()).isEqualTo(200);
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
                "password: must be 12 to 200 characters");
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
