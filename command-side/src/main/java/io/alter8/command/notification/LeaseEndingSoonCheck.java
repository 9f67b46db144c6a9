package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The scheduled check behind "lease ending soon": active leases whose end date is at most 30 days away tell their
 * owner and tenants, once per lease and end date (a lease extended later is told again of its new end); a run that
 * finds nothing new sends nothing.
 */
@Component
class LeaseEndingSoonCheck implements NotificationCheck {

    static final int DAYS_AHEAD = 30;

    private final Subjects subjects;
    private final KeyedNotices notices;

    LeaseEndingSoonCheck(Subjects subjects, KeyedNotices notices) {
        this.subjects = subjects;
        this.notices = notices;
    }

    @Override
    public int run(LocalDate today) {
        return notices.issue(
                subjects.activeLeasesEnding(today, today.plusDays(DAYS_AHEAD)),
                lease -> "ending:" + lease.leaseId() + ":" + lease.endDate(),
                lease -> Notice.forEach(lease.signatories(), to -> new Notice(
                        to, "lease_ending_soon", Priority.HIGH, "lease", lease.leaseId().toString(),
                        List.of(new NotificationAction("Renew or plan the move", "/leases/" + lease.leaseId(),
                                                       "link")),
                        Map.of("endDate", lease.endDate().toString()), null)));
    }
}
