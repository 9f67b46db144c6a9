package io.alter8.command.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How messages are delivered ({@code alter8.notifications}; docs/deployment.md lists the variables).
 *
 * @param poll           how often a channel's first worker looks at its queue for items no push of this instance
 *                       told of (another instance's, back-offs that ended); this instance's pushes wake a worker
 * @param batch          ids a worker takes from a queue at once
 * @param workers        workers (threads) per channel, each sending one message at a time
 * @param maxAttempts    tries per message before it is dead-lettered
 * @param backoff        the wait after the first failure; it doubles after each further one
 * @param maxBackoff     the longest wait between two tries
 * @param claim          how long a message may take to send; a claim older than that is treated as interrupted
 * @param sweep          how often the durable record is swept for due messages no queue holds
 * @param requeueAfter   a due message queued longer ago than this is queued again (Redis may have lost it)
 * @param emailFrom      the sender of every e-mail
 * @param sms            the SMS provider's webhook; no URL, no SMS sent
 * @param whatsapp       the WhatsApp provider's webhook; no URL, no WhatsApp message sent
 * @param receiptSecrets per channel ({@code email}, {@code sms}, {@code whatsapp}), the secret its provider signs
 *                       delivery receipts with; a channel without one accepts no receipts
 * @param receiptMaxAge  how far a receipt's signed time may lie from now: an older one is refused as a replay
 */
@ConfigurationProperties("alter8.notifications")
record DeliverySettings(Duration poll, int batch, int workers, int maxAttempts, Duration backoff, Duration maxBackoff,
                        Duration claim, Duration sweep, Duration requeueAfter, String emailFrom, Webhook sms,
                        Webhook whatsapp, Map<String, String> receiptSecrets, Duration receiptMaxAge) {

    /** Shorter secrets are refused at startup: a receipt's signature is only as strong as its secret. */
    static final int MIN_SECRET_LENGTH = 32;

    /** A provider reached over HTTP: a POST of each message to {@code url}, with {@code token} as bearer. */
    record Webhook(URI url, String token, Duration timeout) {

        Webhook {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        boolean configured() {
            return url != null && !url.toString().isBlank();
        }
    }

    DeliverySettings {
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        // Small takes, so that the last ids of a burst are shared among the workers rather than left to one.
        batch = batch <= 0 ? 10 : batch;
        workers = workers <= 0 ? 4 : workers;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        claim = claim == null ? Duration.ofMinutes(1) : claim;
        sweep = sweep == null ? Duration.ofSeconds(5) : sweep;
        requeueAfter = requeueAfter == null ? Duration.ofMinutes(1) : requeueAfter;
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "Alter8 <no-reply@alter8.local>" : emailFrom;
        sms = sms == null ? new Webhook(null, null, null) : sms;
        whatsapp = whatsapp == null ? new Webhook(null, null, null) : whatsapp;
        receiptSecrets = receiptSecrets == null ? Map.of() : Map.copyOf(receiptSecrets);
        receiptSecrets.forEach((channel, secret) -> {
            if (secret.length() < MIN_SECRET_LENGTH) {
                // Names the setting, never the value.
                throw new IllegalArgumentException("alter8.notifications.receipt-secrets." + channel
                                                   + " has fewer than " + MIN_SECRET_LENGTH + " characters");
            }
        });
        receiptMaxAge = receiptMaxAge == null ? Duration.ofMinutes(5) : receiptMaxAge;
    }

    /** Without the secrets and tokens, should anything print the settings. */
    @Override
    public String toString() {
        return "DeliverySettings[poll=" + poll + ", batch=" + batch + ", workers=" + workers + ", maxAttempts="
               + maxAttempts + ", receipts from " + receiptSecrets.keySet() + "]";
    }

    /** The wait before try {@code attempt + 1}, after {@code attempt} failed ones: doubling, capped. */
    Duration backoffAfter(int attempt) {
        Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
