package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor login: the right password is not enough; the code sent to the phone completes it. */
@CommandSideTest
class TwoFactorLoginTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    TestUsers.User user;
    static final String PASSWORD = "a long enough password";

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        user = TestUsers.register(api, "owner", PASSWORD);
    }

    Response login() {
        return api.post("/api/auth/login", "{\"login\": \"" + user.email() + "\", \"password\": \"" + PASSWORD + "\"}");
    }

    String code() {
        return SentMessages.latestCode(user.phone(), "otp_login_2fa").orElseThrow();
    }

    @Test
    void withTwoFactorOnAPasswordOnlyStartsTheLoginAndTheCodeFinishesIt() {
        ApiClient me = api.withToken(login().json().path("accessToken").asString());
        assertThat(me.put("/api/auth/two-factor", "{\"enabled\": true}").status()).isEqualTo(204);

        Response first = login();
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("secondFactorRequired").asBoolean()).isTrue();
        assertThat(first.json().has("accessToken")).isFalse();
        String challenge = first.json().path("challengeId").asString();

        String wrong = code().equals("000000") ? "111111" : "000000";
        assertThat(api.post("/api/auth/login/second-factor", "{\"challengeId\": \"" + challenge + "\", \"code\": \""
                + wrong + "\"}").status()).isEqualTo(400);
        Response second = api.post("/api/auth/login/second-factor", "{\"challengeId\": \"" + challenge
                + "\", \"code\": \"" + code() + "\", \"deviceInfo\": \"phone\"}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(api.withToken(second.json().path("accessToken").asString()).get("/api/auth/sessions").status())
                .isEqualTo(200);
    }

    @Test
    void aWrongPasswordSendsNoCode() {
        jdbc.update("UPDATE credential SET two_factor_enabled = TRUE WHERE user_id = ?", user.id());
        Response r = api.post("/api/auth/login", "{\"login\": \"" + user.email() + "\", \"password\": \"wrong one\"}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE destination = ? "
                                               + "AND template = 'otp_login_2fa'", Long.class, user.phone())).isZero();
    }

    @Test
    void aStolenTokenAloneCannotTurnTwoFactorOff() {
        ApiClient me = api.withToken(login().json().path("accessToken").asString());
        assertThat(me.put("/api/auth/two-factor", "{\"enabled\": true}").status()).isEqualTo(204);

        Response withoutPassword = me.put("/api/auth/two-factor", "{\"enabled\": false}");
        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(withoutPassword.fieldErrors()).containsExactly("password: is needed to turn two-factor login off");
        Response wrongPassword = me.put("/api/auth/two-factor", "{\"enabled\": false, \"password\": \"guess\"}");
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.contentType()).hasValue("application/problem+json");
        assertThat(login().status()).as("still two-factor").isEqualTo(202);

        assertThat(me.put("/api/auth/two-factor", "{\"enabled\": false, \"password\": \"" + PASSWORD + "\"}")
                     .status()).isEqualTo(204);
        assertThat(login().status()).isEqualTo(200);
    }

    @Test
    void withoutTwoFactorThePasswordIsEnough() {
        assertThat(login().status()).isEqualTo(200);
    }
}
