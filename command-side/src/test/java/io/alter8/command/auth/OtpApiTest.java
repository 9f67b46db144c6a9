package io.alter8.command.auth;

import io.alter8.api.common.EncryptedValue;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
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
import java.util.Map;
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
    @Autowired
    PersonalDataCipher cipher;

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
        return request(api, login);
    }

    Response request(ApiClient client, String login) {
        return client.post("/api/auth/otp/request", "{\"purpose\": \"password_reset\", \"login\": \"" + login + "\"}");
    }

    Response verify(String challenge, String code, String password) {
        return api.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "password_reset", "code": "%s", "newPassword": "%s"}"""
                .formatted(challenge, code, password));
    }

    String codeSentTo(String destination) {
        return SentMessages.latestCode(destination).orElseThrow();
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
    void resetRequestsAreLimitedPerLoginAlikeForRealAndUnknownAccounts() {
        String unknown = "+9190" + String.format("%08d", (int) (Math.random() * 100_000_000));
        for (String login : List.of(phone, unknown)) {
            // From a new address each time: the limit is the account's, whoever asks and from wherever.
            for (int i = 0; i < 5; i++) {
                assertThat(request(api.asAnotherClient(), login).status()).as(login).isEqualTo(202);
            }
        }
        Response real = request(api.asAnotherClient(), phone);
        Response none = request(api.asAnotherClient(), unknown);

        // Before, only a real account got a 429 (at its 4th request), which told that it exists.
        assertThat(real.status()).isEqualTo(429);
        assertThat(none.status()).isEqualTo(429);
        assertThat(real.json().path("type").asString()).isEqualTo(none.json().path("type").asString())
                                                       .isEqualTo("https://alter8.io/problems/rate-limited");
        assertThat(real.json().path("detail").asString()).isEqualTo(none.json().path("detail").asString());
        assertThat(Long.parseLong(real.header("Retry-After"))).isBetween(1L, 3600L);
        // At most three codes an hour reach one phone (its sign-up code was the first), the rest answer alike.
        assertThat(SentMessages.to(phone)).filteredOn(m -> m.content().containsKey("code")).hasSize(3);
        assertThat(SentMessages.to(unknown)).isEmpty();
    }

    @Test
    void aCodeIsStoredNowhereInPlainTextAndOnlyItsRecipientsKeyOpensIt() {
        String challenge = request(phone).json().path("challengeId").asString();
        String code = codeSentTo(phone);

        Map<String, Object> queued = jdbc.queryForMap("""
                SELECT payload::text AS payload, payload->'code' AS code FROM notification_outbox
                WHERE destination = ? AND template = 'otp_password_reset'""", phone);
        assertThat(queued.get("payload").toString()).doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
        EncryptedValue sealed = ApiClient.json().readValue(queued.get("code").toString(), EncryptedValue.class);
        assertThat(sealed.masked()).isEqualTo("XXXXXX");
        assertThat(cipher.decrypt(sealed)).isEqualTo(code);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_data_key WHERE user_id = ? AND key_id = ?::uuid",
                                       Long.class, userId, sealed.keyId())).isEqualTo(1);
        // Not a plain digest either: six digits hashed without a key are found again by trying them all.
        String stored = jdbc.queryForObject("SELECT code_hash FROM otp_verification WHERE id = ?::uuid",
                                            String.class, challenge);
        assertThat(stored).isNotBlank().isNotEqualTo(sha256(challenge + ":" + code));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aResetCannotSetACommonPassword() {
        String challenge = request(phone).json().path("challengeId").asString();
        Response r = verify(challenge, codeSentTo(phone), "Iloveyou1234!");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("newPassword: is too common or known from a breach: choose another");
        assertThat(login(OLD).status()).isEqualTo(200);
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
                                                              "newPassword: must be 12 to 200 characters");
    }
}
