package io.alter8.command.auth.otp;

import io.alter8.command.auth.otp.NotificationOutbox.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's stand-in for SMS and e-mail: one file per destination, never under the prod profile. */
class LocalInboxTest {

    @TempDir
    Path dir;

    MockEnvironment environment() {
        return new MockEnvironment().withProperty("alter8.notifications.local-inbox", dir.toString());
    }

    @Test
    void eachMessageIsAppendedToItsDestinationsFile() throws Exception {
        LocalInbox inbox = new LocalInbox(environment(), JsonMapper.builder().build());

        inbox.deliver(new OutgoingMessage(UUID.randomUUID(), "sms", "+919876543210", "otp_phone_verification",
                                          Map.of("code", "123456")));
        inbox.deliver(new OutgoingMessage(UUID.randomUUID(), "sms", "+919876543210", "otp_login_2fa",
                                          Map.of("code", "654321")));

        assertThat(Files.readAllLines(dir.resolve("+919876543210.txt")))
                .satisfiesExactly(first -> assertThat(first).contains("otp_phone_verification", "\"code\":\"123456\""),
                                  second -> assertThat(second).contains("otp_login_2fa", "\"code\":\"654321\""));
    }

    @Test
    void aDestinationCannotNameAFileOutsideTheInbox() {
        assertThat(LocalInbox.fileName("../../etc/passwd")).isEqualTo(".._.._etc_passwd.txt");
    }

    @Test
    void refusesToRunUnderTheProdProfile() {
        MockEnvironment prod = environment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new LocalInbox(prod, JsonMapper.builder().build()))
                .hasMessageContaining("never in prod");
    }
}
