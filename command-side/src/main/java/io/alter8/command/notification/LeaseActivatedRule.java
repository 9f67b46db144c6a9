package io.alter8.command.notification;

import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The lease is in force: its owner and tenants are told. */
@Component
class LeaseActivatedRule implements NotificationRule<LeaseActivated> {

    private final Subjects subjects;

    LeaseActivatedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<LeaseActivated> eventType() {
        return LeaseActivated.class;
    }

    @Override
    public List<Notice> notices(LeaseActivated e) {
        return subjects.lease(e.leaseId()).map(lease -> Notice.forEach(lease.signatories(), to -> new Notice(
                to, "lease_activated", Priority.MEDIUM, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("View the lease", "/leases/" + e.leaseId(), "link")),
                Map.of("endDate", lease.endDate().toString()), null))).orElse(List.of());
    }
}
