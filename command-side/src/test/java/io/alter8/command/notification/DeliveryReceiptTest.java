package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Providers report what became of a message after they took it: the SMS, WhatsApp and e-mail providers' signed
 * receipts move its status forward (delivered, read or opened, failed) with their times, and the inbox hears of each
 * step; a receipt not signed with the channel's secret, or signed too long ago, is refused; a repeat, a late one or
 * an unknown id changes nothing and reads the same.
 */
@CommandSideTest
class DeliveryReceiptTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient provider;

    @BeforeEach
    void setUp() {
        provider = new ApiClient("http://localhost:" + port);
    }

    @Test
    void signedReceiptsMoveAnSmsFromSentToDeliveredToReadAndARepeatChangesNothing() {
        UUID notification = UUID.randomUUID();
        UUID id = sent(NotificationChannel.SMS, NotificationDeliveryTest.phone(), notification);
        String providerId = (String) row(id).get("provider_message_id");
        assertThat(providerId).startsWith("sms-");

        Response delivered = receipt("sms", """
                {"providerMessageId": "%s", "status": "delivered", "occurredAt": "%s"}""".formatted(
                providerId, Instant.now().minusSeconds(30)));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(204);
        assertThat(row(id)).containsEntry("status", "delivered");
        Instant deliveredAt = ((Timestamp) row(id).get("delivered_at")).toInstant();

        assertThat(receipt("sms", "{\"messageId\": \"%s\", \"status\": \"read\"}".formatted(id)).status())
                .isEqualTo(204);
        assertThat(row(id)).containsEntry("status", "read");
        assertThat(row(id).get("read_at")).isNotNull();

        // The delivery reported again, late: answered the same, nothing moves back.
        Response again = receipt("sms", "{\"providerMessageId\": \"%s\", \"status\": \"delivered\"}".formatted(
                providerId));
        assertThat(again.status()).isEqualTo(204);
        assertThat(row(id)).containsEntry("status", "read");
        assertThat(((Timestamp) row(id).get("delivered_at")).toInstant()).isEqualTo(deliveredAt);
        // The inbox was told of each step once: sent, delivered, read.
        assertThat(channelUpdates(notification)).containsExactly("\"sent\"", "\"delivered\"", "\"read\"");
    }

    @Test
    void anOpenedEmailIsReadAndAFailedWhatsappIsDeadLettered() {
        UUID mail = sent(NotificationChannel.EMAIL, "receipt-" + UUID.randomUUID() + "@example.com",
                         UUID.randomUUID());
        assertThat(receipt("email", "{\"messageId\": \"%s\", \"status\": \"opened\"}".formatted(mail)).status())
                .isEqualTo(204);
        assertThat(row(mail)).containsEntry("status", "read");

        UUID whatsapp = sent(NotificationChannel.WHATSAPP, NotificationDeliveryTest.phone(), UUID.randomUUID());
        assertThat(receipt("whatsapp", """
                {"messageId": "%s", "status": "failed", "reason": "63016 outside the session window"}"""
                .formatted(whatsapp)).status()).isEqualTo(204);
        assertThat(row(whatsapp)).containsEntry("status", "failed").containsEntry(
                "last_error", "the provider reported it undelivered: 63016 outside the session window");
        Response dead = provider.withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                                .get("/api/admin/notifications/dead-letters?channel=whatsapp&size=100");
        assertThat(StreamSupport.stream(dead.json().path("items").spliterator(), false)
                                .map(n -> n.path("id").asString())).contains(whatsapp.toString());
    }

    @Test
    void aReceiptNotSignedWithItsChannelsSecretOrSignedTooLongAgoIsRefusedAndChangesNothing() {
        UUID id = sent(NotificationChannel.SMS, NotificationDeliveryTest.phone(), UUID.randomUUID());
        String body = "{\"messageId\": \"%s\", \"status\": \"delivered\"}".formatted(id);
        long now = Instant.now().getEpochSecond();

        List<Response> refused = List.of(
                provider.post("/api/delivery-receipts/sms", body),
                post("sms", body, signature("not-the-secret-of-this-provider-at-all", now, body)),
                post("sms", body, signature(ProviderStub.RECEIPT_SECRET_PREFIX + "whatsapp", now, body)),
                post("sms", body, signature(ProviderStub.RECEIPT_SECRET_PREFIX + "sms", now - 600, body)),
                post("sms", body.replace("delivered", "failed"),
                     signature(ProviderStub.RECEIPT_SECRET_PREFIX + "sms", now, body)),
                provider.withToken(TestTokens.mint(UUID.randomUUID(), "super_admin"))
                        .post("/api/delivery-receipts/sms", body),
                post("pigeon", body, signature(ProviderStub.RECEIPT_SECRET_PREFIX + "sms", now, body)));
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.body()).doesNotContain(ProviderStub.RECEIPT_SECRET_PREFIX);
        });
        assertThat(row(id)).containsEntry("status", "sent");
        assertThat(row(id).get("delivered_at")).isNull();
    }

    @Test
    void anUnknownIdReadsLikeAKnownOneAndABadReceiptNamesEveryBadField() {
        Response unknown = receipt("sms", "{\"messageId\": \"%s\", \"status\": \"delivered\"}".formatted(
                UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(204);
        assertThat(unknown.body()).isEmpty();

        Response bad = receipt("sms", """
                {"messageId": "not-an-id", "status": "lost", "occurredAt": "yesterday", "reason": "a; DROP"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactlyInAnyOrder("messageId", "status", "occurredAt", "reason");
        assertThat(receipt("sms", "[1, 2]").badFields()).containsExactly("body");
        assertThat(receipt("sms", "{\"messageId\": \"%s\", \"status\": \"failed\", \"reason\": \"x\\u0000\"}"
                .formatted(UUID.randomUUID())).badFields()).containsExactly("reason");
        assertThat(receipt("sms", "{\"status\": \"read\"}").badFields()).containsExactly("messageId");
    }

    /** A message on {@code channel} for a notification, sent by the worker to the provider's stub. */
    private UUID sent(NotificationChannel channel, String destination, UUID notification) {
        UUID user = UUID.randomUUID();
        UUID id = transaction.execute(s -> outbox.enqueue(new NotificationOutbox.Entry(
                notification, user, channel, destination, "registration_attempt", 1, "en", Priority.MEDIUM, null,
                Map.of("contact", "phone number"), Map.of("contact", "phone number"))));
        await().atMost(PATIENCE).until(() -> "sent".equals(row(id).get("status")));
        return id;
    }

    private Response receipt(String channel, String body) {
        return post(channel, body, signature(ProviderStub.RECEIPT_SECRET_PREFIX + channel,
                                             Instant.now().getEpochSecond(), body));
    }

    private Response post(String channel, String body, String signature) {
        return provider.post("/api/delivery-receipts/" + channel, body, "X-Alter8-Signature", signature);
    }

    /** As a provider signs: HMAC-SHA256 of "t.body" under the secret, hex. */
    private static String signature(String secret, long at, String body) {
        byte[] mac = DeliveryReceipts.sign(secret, at, body.getBytes(StandardCharsets.UTF_8));
        return "t=" + at + ",v1=" + HexFormat.of().formatHex(mac);
    }

    private List<String> channelUpdates(UUID notification) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'status' FROM domain_event_entry
                WHERE payload_type = 'io.alter8.api.notification.NotificationChannelUpdated'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'notificationId' = ?
                ORDER BY global_index""", String.class, notification.toString());
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("SELECT * FROM notification_outbox WHERE id = ?", id);
    }
}
