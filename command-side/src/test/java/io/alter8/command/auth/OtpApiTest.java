package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Password reset by one-time code: limits, expiry, tries, and no code anywhere but the outbox. */
@CommandSideTest
@ExtendWith(OutputCaptureExtension.class)
class OtpApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Credentials credentials;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    UUID userId;
    String phone;
    static final String OLD = "old password 123";
    static final String NEW = "new password 456";

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        TestUsers.User user = TestUsers.register(api, "tenant", OLD);
        userId = user.id();
        phone = user.phone();
    }

    Response request(String login) {
        return api.post("/api/auth/otp/request", "{\"purpose\": \"password_reset\", \"login\": \"" + login + "\"}");
    }

    Response verify(String challenge, String code, String password) {
        return api.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "password_reset", "code": "%s", "newPassword": "%s"}"""
                .formatted(challenge, code, password));
    }

    String codeSentTo(String destination) {
        return jdbc.queryForObject("SELECT payload->>'code' FROM notification_outbox WHERE destination = ? "
                                           + "ORDER BY created_at DESC LIMIT 1", String.class, destination);
    }

    Response login(String password) {
        return api.post("/api/auth/login", "{\"login\": \"" + phone + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void aCodeSentToThePhoneSetsANewPasswordAndEndsEverySession(CapturedOutput output) {
        String refresh = login(OLD).json().path("refreshToken").asString();
        Response requested = request(phone);
        assertThat(requested.status()).isEqualTo(202);
        String challenge = requested.json().path("challengeId").asString();
        String code = codeSentTo(phone);
        assertThat(code).matches("[0-9]{6}");

        assertThat(verify(challenge, code, NEW).status()).isEqualTo(204);

        assertThat(login(OLD).status()).isEqualTo(401);
        assertThat(login(NEW).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}").status()).isEqualTo(401);
        assertThat(verify(challenge, code, "another password 789").status()).isEqualTo(400);
        // Six digits can occur by chance in timestamps and ids: look for the code as a number of its own.
        assertThat(output.getAll()).doesNotContainPattern("(?<![0-9.-])" + code + "(?![0-9])").doesNotContain(NEW);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM otp_verification WHERE code_hash = ?", Long.class, code))
                .isZero();
    }

    @Test
    void anUnknownLoginGetsTheSameAnswerAndNoCode() {
        String unknown = "+9190" + String.format("%08d", (int) (Math.random() * 100_000_000));
        Response r = request(unknown);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().has("challengeId")).isTrue();
        assertThat(r.json().has("expiresAt")).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE destination = ?", Long.class,
                                       unknown)).isZero();
    }

    @Test
    void atMostThreeCodesAnHourGoToOnePhone() {
        for (int i = 0; i < 3; i++) {
            assertThat(request(phone).status()).isEqualTo(202);
        }
        Response fourth = request(phone);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().path("type").asString()).isEqualTo("https://alter8.io/problems/otp-rate-limited");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void fiveWrongTriesSpendTheCode() {
        String challenge = request(phone).json().path("challengeId").asString();
        String code = codeSentTo(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(verify(challenge, wrong, NEW).status()).isEqualTo(400);
        }
        assertThat(verify(challenge, code, NEW).status()).isEqualTo(400);
        assertThat(login(OLD).status()).isEqualTo(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String challenge = request(phone).json().path("challengeId").asString();
        jdbc.update("UPDATE otp_verification SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                    challenge);
        Response r = verify(challenge, codeSentTo(phone), NEW);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/invalid-otp");
    }

    @Test
    void aUserVerifiesTheirPhoneWithACodeSentToIt() {
        ApiClient me = api.withToken(login(OLD).json().path("accessToken").asString());
        Response requested = me.post("/api/auth/otp/request", "{\"purpose\": \"phone_verification\"}");
        assertThat(requested.status()).isEqualTo(202);
        String challenge = requested.json().path("challengeId").asString();

        Response verified = me.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "phone_verification", "code": "%s"}"""
                .formatted(challenge, codeSentTo(phone)));

        assertThat(verified.status()).as(verified.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                               + "AND payload_type LIKE '%PhoneVerified'", Long.class,
                                       userId.toString())).isEqualTo(1);
    }

    @Test
    void verifyingAContactNeedsTheOwnersToken() {
        assertThat(api.post("/api/auth/otp/request", "{\"purpose\": \"phone_verification\"}").status())
                .isEqualTo(401);
        ApiClient me = api.withToken(login(OLD).json().path("accessToken").asString());
        String challenge = me.post("/api/auth/otp/request", "{\"purpose\": \"phone_verification\"}")
                             .json().path("challengeId").asString();
        TestUsers.User other = TestUsers.register(api, "tenant", OLD);
        ApiClient them = api.withToken(api.post("/api/auth/login", "{\"login\": \"" + other.email()
                + "\", \"password\": \"" + OLD + "\"}").json().path("accessToken").asString());

        Response r = them.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "phone_verification", "code": "%s"}"""
                .formatted(challenge, codeSentTo(phone)));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void badInputListsEveryField() {
        Response r = api.post("/api/auth/otp/verify", "{\"purpose\": \"login\", \"code\": \"12\", \"newPassword\": \"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder("challengeId: must not be null",
                                                              "purpose: must be password_reset, phone_verification "
                                                                      + "or email_verification",
                                                              "code: must be 6 digits",
                                                              "newPassword: must be 10 to 200 characters");
    }
}
