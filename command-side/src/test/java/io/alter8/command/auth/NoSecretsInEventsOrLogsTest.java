package io.alter8.command.auth;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret a user's life with Alter8 involves — password, access and refresh tokens, one-time code, new
 * password — is searched for in every stored event (payload and metadata) and in everything the service logged.
 */
@CommandSideTest
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInEventsOrLogsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noSecretIsStoredInAnEventOrLogged(CapturedOutput output) {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String password = "first secret password 1";
        TestUsers.User user = TestUsers.register(api, "owner", password);
        JsonNode tokens = api.post("/api/auth/login", "{\"login\": \"" + user.email() + "\", \"password\": \""
                + password + "\"}").json();
        String refreshed = api.post("/api/auth/refresh", "{\"refreshToken\": \"" + tokens.path("refreshToken")
                .asString() + "\"}").json().path("refreshToken").asString();
        String challenge = api.post("/api/auth/otp/request", "{\"purpose\": \"password_reset\", \"login\": \""
                + user.phone() + "\"}").json().path("challengeId").asString();
        String code = SentMessages.latestCode(user.phone(), "otp_password_reset").orElseThrow();
        String newPassword = "second secret password 2";
        Response reset = api.post("/api/auth/otp/verify", """
                {"challengeId": "%s", "purpose": "password_reset", "code": "%s", "newPassword": "%s"}"""
                .formatted(challenge, code, newPassword));
        assertThat(reset.status()).isEqualTo(204);

        List<String> secrets = List.of(password, newPassword, tokens.path("accessToken").asString(),
                                       tokens.path("refreshToken").asString(), refreshed);
        List<String> stored = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '')
                FROM domain_event_entry""", String.class);
        assertThat(stored).isNotEmpty();
        for (String secret : secrets) {
            assertThat(stored).noneMatch(event -> event.contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
        // Six digits can occur by chance inside timestamps, hexadecimal ids and base64 (the store holds every other
        // test's events too): look for the code as a value of its own, not inside a longer run of letters and digits.
        String alone = "(?<![0-9A-Za-z.+/-])" + code + "(?![0-9A-Za-z])";
        assertThat(stored).noneMatch(event -> event.matches("(?s).*" + alone + ".*"));
        assertThat(output.getAll()).doesNotContainPattern(alone);
        assertThat(jdbc.queryForList("SELECT payload::text FROM notification_outbox WHERE destination = ?",
                                     String.class, user.phone()))
                .isNotEmpty().noneMatch(payload -> payload.matches("(?s).*" + alone + ".*"));
    }
}
