package io.alter8.command.notification;

import io.alter8.command.config.ClockMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs every {@link NotificationCheck}: hourly by default ({@code alter8.notifications.checks}), and at once when the
 * local clock is moved, as the late-fee assessment does. A check that fails is logged and tried on the next run; the
 * others still run.
 */
@Component
class NotificationChecks {

    private static final Logger log = LoggerFactory.getLogger(NotificationChecks.class);

    private final List<NotificationCheck> checks;
    private final Clock clock;

    NotificationChecks(List<NotificationCheck> checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alter8.notifications.checks:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        runAll();
    }

    @EventListener
    void on(ClockMoved moved) {
        runAll();
    }

    private void runAll() {
        // Today on the platform clock, as the late-fee assessment and the renewal job count it.
        LocalDate today = LocalDate.now(clock);
        for (NotificationCheck check : checks) {
            try {
                check.run(today);
            } catch (RuntimeException e) {
                log.warn("{} skipped: {}", check.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }
}
