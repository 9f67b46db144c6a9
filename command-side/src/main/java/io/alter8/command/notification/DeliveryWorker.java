package io.alter8.command.notification;

import io.alter8.api.common.EncryptedValue;
import io.alter8.command.notification.ChannelSender.DeliveryFailure;
import io.alter8.command.notification.ChannelSender.RenderedMessage;
import io.alter8.command.notification.Deliveries.Claimed;
import io.alter8.command.notification.NotificationOutbox.OutgoingMessage;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.privacy.PersonalDataErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends what the channels' queues hold: {@code workers} threads per channel that has a sender, each taking a few ids
 * at a time from the head of its queue (Redis hands each item to one of them). They wait, without asking Redis, until
 * this instance pushes an item or a back-off ends; the first of each channel also looks every {@code poll} for items
 * another instance pushed. Each id is claimed in the durable record first ({@link Deliveries#claim}); one that is
 * not pending, or not yet due, is skipped, so a duplicate queue item, or two workers holding the same id, cost a
 * query and never a second message. A failure is tried
 * again after a doubling back-off, and after {@code max-attempts} (or at once, when retrying cannot help) the
 * message is failed and dead-lettered for an operator ({@link DeadLetterController}).
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** How long a worker other than a channel's first waits to be told of items before it looks anyway. */
    private static final Duration IDLE_HELPER_PATIENCE = Duration.ofMinutes(1);

    private final Map<String, ChannelSender> senders = new HashMap<>();
    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final MessageTemplates templates;
    private final PersonalDataCipher cipher;
    private final DeliverySettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorker(List<ChannelSender> senders, Deliveries deliveries, DeliveryQueue queue,
                   MessageTemplates templates, PersonalDataCipher cipher, DeliverySettings settings, JsonMapper json,
                   Clock clock) {
        senders.forEach(s -> this.senders.put(s.channel().wire(), s));
        this.deliveries = deliveries;
        this.queue = queue;
        this.templates = templates;
        this.cipher = cipher;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** After the row is committed, its id goes on its channel's queue (a later one waits for the sweeper). */
    @TransactionalEventListener
    void queue(OutgoingMessage message) {
        if (message.notBefore().isAfter(clock.instant())) {
            return;
        }
        try {
            queue.push(message.channel(), message.id(), message.priority(), 0, clock.instant());
        } catch (RuntimeException e) {
            // The row is pending: the sweeper queues it once Redis answers again.
            log.warn("Message {} not queued ({}); the sweeper will queue it", message.id(), e.getClass().getSimpleName());
        }
    }

    /** Drains one channel's queue: moves items whose back-off ended onto it, then sends until it is empty. */
    void drain(String channel) {
        queue.promoteDue(channel, clock.instant());
        List<UUID> ids;
        while (!(ids = queue.pop(channel, settings.batch())).isEmpty()) {
            if (ids.size() == settings.batch()) {
                // There may be more: another worker of the channel shares them.
                queue.wake(channel);
            }
            for (UUID id : ids) {
                deliver(id);
            }
        }
    }

    /** One try of one message, if it is still to be sent. */
    void deliver(UUID id) {
        Instant now = clock.instant();
        Claimed claimed = deliveries.claim(id, now, now.plus(settings.claim())).orElse(null);
        if (claimed == null) {
            return;
        }
        ChannelSender sender = senders.get(claimed.channel());
        try {
            if (sender == null) {
                throw new DeliveryFailure("no " + claimed.channel() + " sender is configured", false);
            }
            String providerId = sender.send(render(claimed));
            deliveries.sent(id, providerId, clock.instant());
        } catch (DeliveryFailure e) {
            failedTry(claimed, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // A template or data fault: the same message fails the same way next time.
            failedTry(claimed, e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    private void failedTry(Claimed claimed, String error, boolean permanent) {
        Instant now = clock.instant();
        if (permanent || claimed.attempts() >= settings.maxAttempts()) {
            deliveries.failed(claimed.id(), error, now);
            queue.deadLetter(claimed.channel(), claimed.id());
            log.warn("Message {} ({}, {}) dead-lettered after {} tries: {}", claimed.id(), claimed.channel(),
                     claimed.template(), claimed.attempts(), error);
            return;
        }
        Instant next = now.plus(settings.backoffAfter(claimed.attempts()));
        deliveries.retryAt(claimed.id(), error, next, now);
        queue.pushAt(claimed.channel(), claimed.id(), claimed.priority(), claimed.attempts(), claimed.createdAt(),
                     next);
        log.info("Message {} ({}) try {} failed: {}; next try at {}", claimed.id(), claimed.channel(),
                 claimed.attempts(), error, next);
    }

    /** The message's text, its sealed values opened: only now, in memory, for the sender. */
    private RenderedMessage render(Claimed claimed) throws DeliveryFailure {
        Map<String, Object> payload = json.readValue(claimed.payload(), MAP);
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Object> e : payload.entrySet()) {
            values.put(e.getKey(), text(e.getValue()));
        }
        MessageTemplates.Rendered text = templates.render(claimed.template(), claimed.templateVersion(),
                                                          claimed.language(), values);
        return new RenderedMessage(claimed.id(), claimed.destination(), text.subject(), text.body());
    }

    private String text(Object value) throws DeliveryFailure {
        if (value instanceof Map<?, ?> map && map.containsKey("ciphertext")) {
            try {
                return cipher.decrypt(json.convertValue(map, EncryptedValue.class));
            } catch (PersonalDataErased e) {
                throw new DeliveryFailure("its recipient's data was erased", true);
            }
        }
        return value == null ? "" : value.toString();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (String channel : senders.keySet()) {
            for (int i = 1; i <= settings.workers(); i++) {
                // The first worker of a channel looks at the queue every poll, for what no push here told of
                // (another instance's items); the others wait to be told, so an idle channel costs one look per
                // poll and not one per worker.
                Duration patience = i == 1 ? settings.poll() : IDLE_HELPER_PATIENCE;
                Thread worker = new Thread(() -> work(channel, patience),
                                           "notification-delivery-" + channel + "-" + i);
                worker.setDaemon(true);
                worker.start();
                threads.add(worker);
            }
        }
        log.info("Delivering notifications on {}, {} workers each", senders.keySet(), settings.workers());
    }

    private void work(String channel, Duration patience) {
        while (running) {
            drainQuietly(channel);
            queue.awaitItems(channel, patience, clock.instant());
        }
    }

    private void drainQuietly(String channel) {
        try {
            drain(channel);
        } catch (RuntimeException e) {
            // Redis or the database unreachable: the next look tries again; nothing is lost meanwhile.
            log.warn("Delivery of {} paused: {}", channel, e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (String channel : senders.keySet()) {
            for (int i = 0; i < settings.workers(); i++) {
                queue.wake(channel);
            }
        }
        try {
            for (Thread worker : threads) {
                // A worker finishes the message it is sending; one stuck longer is left behind (a daemon thread).
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }
}
