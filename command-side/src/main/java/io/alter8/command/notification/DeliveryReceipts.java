package io.alter8.command.notification;

import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Providers' delivery receipts: a receipt is believed only with a valid signature, {@code X-Alter8-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the channel's secret>}, made within
 * {@code receipt-max-age} of now, so that a receipt captured on the way cannot be played back later; within that
 * window a repeat changes nothing, since statuses only move forward. Every refusal reads the same and neither the
 * secret nor the signature is ever logged or echoed.
 */
@Component
class DeliveryReceipts {

    static final String SIGNATURE_HEADER = "X-Alter8-Signature";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d{1,12}),v1=([0-9a-f]{64})");

    private final DeliverySettings settings;
    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final Clock clock;

    DeliveryReceipts(DeliverySettings settings, Deliveries deliveries, DeliveryQueue queue, Clock clock) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** A provider's report: our message id or theirs, what became of it, and when (null: now). */
    record Receipt(UUID messageId, String providerMessageId, Deliveries.Receipt status, Instant at, String reason) {
    }

    /**
     * Refuses (401) a receipt for {@code channel} unless {@code signature} signs {@code body} with the channel's
     * secret at a time close enough to now.
     */
    void verify(String channel, String signature, byte[] body) {
        String secret = settings.receiptSecrets().get(channel);
        Matcher m = signature == null ? null : SIGNATURE.matcher(signature.strip());
        if (secret == null || m == null || !m.matches()) {
            throw refused();
        }
        long signedAt = Long.parseLong(m.group(1));
        Duration age = Duration.between(Instant.ofEpochSecond(signedAt), clock.instant()).abs();
        if (age.compareTo(settings.receiptMaxAge()) > 0
            || !MessageDigest.isEqual(sign(secret, signedAt, body), HexFormat.of().parseHex(m.group(2)))) {
            throw refused();
        }
    }

    /** Applies a verified receipt; answers whether it moved a message forward. */
    boolean apply(String channel, Receipt receipt) {
        Instant now = clock.instant();
        Instant at = receipt.at() == null || receipt.at().isAfter(now) ? now : receipt.at();
        return deliveries.receipt(channel, receipt.messageId(), receipt.providerMessageId(), receipt.status(), at,
                                  receipt.reason())
                         .map(id -> {
                             if (receipt.status() == Deliveries.Receipt.FAILED) {
                                 queue.deadLetter(channel, id);
                             }
                             return true;
                         }).orElse(false);
    }

    /** The signature of {@code body} signed at {@code signedAt} (seconds) under {@code secret}. */
    static byte[] sign(String secret, long signedAt, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((signedAt + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static ApiException refused() {
        return new ApiException(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
                                            "the receipt is not signed with this channel's secret, or too long ago"));
    }
}
