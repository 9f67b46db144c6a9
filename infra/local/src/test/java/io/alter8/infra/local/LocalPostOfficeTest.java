package io.alter8.infra.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the local providers receive lands in the inbox file of its destination, one line per message. */
class LocalPostOfficeTest {

    @TempDir
    Path dir;

    @Test
    void anSmsAndAnEmailEachLandInTheirDestinationsFile() throws Exception {
        try (LocalPostOffice office = LocalPostOffice.open(dir)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(office.webhookUrl("sms")))
                               .POST(HttpRequest.BodyPublishers.ofString("""
                                       {"messageId": "m1", "channel": "sms", "to": "+919876543210",
                                        "text": "Your code is 123456."}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"id\": \"local-");

            GreenMailUtil.sendTextEmail("asha@example.com", "no-reply@alter8.local", "Your code",
                                        "Your code is 654321.\nValid 10 minutes.",
                                        new ServerSetup(office.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            assertThat(Files.readString(dir.resolve("+919876543210.txt"))).contains("sms Your code is 123456.");
            Path mailbox = dir.resolve("asha@example.com.txt");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(mailbox).exists();
                assertThat(Files.readString(mailbox))
                        .contains("e-mail \"Your code\" Your code is 654321. Valid 10 minutes.");
            });
        }
    }
}
