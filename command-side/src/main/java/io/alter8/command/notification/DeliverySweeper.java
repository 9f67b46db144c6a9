package io.alter8.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the queues honest against the durable record: queues every due, pending message that no queue is known to
 * hold (scheduled ones whose time came, and any that Redis lost in a restart), and fails messages whose sender
 * died mid-send. Several instances may sweep at once: rows are taken with {@code SKIP LOCKED}.
 */
@Component
class DeliverySweeper {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    private static final int BATCH = 500;

    private final Deliveries deliveries;
    private final DeliveryQueue queue;
    private final DeliverySettings settings;
    private final Clock clock;

    DeliverySweeper(Deliveries deliveries, DeliveryQueue queue, DeliverySettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alter8.notifications.sweep:PT5S}")
    void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Notification sweep skipped: {}", e.getClass().getSimpleName());
        }
    }

    /** Answers how many messages it queued. */
    int sweep() {
        Instant now = clock.instant();
        for (Deliveries.Queued interrupted : deliveries.failInterrupted(now)) {
            queue.deadLetter(interrupted.channel(), interrupted.id());
            log.warn("Message {} ({}) was interrupted while sending: failed, for an operator to retry",
                     interrupted.id(), interrupted.channel());
        }
        int queued = 0;
        var due = deliveries.takeForQueuing(now, now.minus(settings.requeueAfter()), BATCH);
        while (!due.isEmpty()) {
            for (Deliveries.Queued q : due) {
                queue.push(q.channel(), q.id(), q.priority(), q.attempts(), q.createdAt());
            }
            queued += due.size();
            due = due.size() < BATCH ? java.util.List.of()
                    : deliveries.takeForQueuing(now, now.minus(settings.requeueAfter()), BATCH);
        }
        return queued;
    }
}
