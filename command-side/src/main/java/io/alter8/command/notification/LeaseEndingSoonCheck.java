package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The scheduled check behind "lease ending soon": active leases whose end date is at most 30 days away tell their
 * owner and tenants, once per lease and end date (a lease extended later is told again of its new end). Runs
 * hourly by default ({@code alter8.notifications.lease-ending-check}); a run that finds nothing new sends nothing.
 */
@Component
class LeaseEndingSoonCheck {

    static final int DAYS_AHEAD = 30;

    private final Subjects subjects;
    private final Notifier notifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeaseEndingSoonCheck(Subjects subjects, Notifier notifier, TransactionTemplate transaction, Clock clock) {
        this.subjects = subjects;
        this.notifier = notifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alter8.notifications.lease-ending-check:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        run();
    }

    /** Answers how many notifications it issued. */
    int run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int issued = 0;
        for (Subjects.LeaseSubject lease : subjects.activeLeasesEnding(today, today.plusDays(DAYS_AHEAD))) {
            Integer count = transaction.execute(s -> (int) Notice.forEach(lease.signatories(), to -> new Notice(
                    to, "lease_ending_soon", Priority.HIGH, "lease", lease.leaseId().toString(),
                    List.of(new NotificationAction("Renew or plan the move", "/leases/" + lease.leaseId(), "link")),
                    Map.of("endDate", lease.endDate().toString()), null))
                    .stream().filter(n -> notifier.issue(n, "ending:" + lease.leaseId() + ":" + lease.endDate()))
                    .count());
            issued += count == null ? 0 : count;
        }
        return issued;
    }
}
