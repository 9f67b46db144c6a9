package io.alter8.command.notification;

import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The lease was ended: its owner and tenants are told when it ends. */
@Component
class LeaseEndedRule implements NotificationRule<LeaseTerminated> {

    private final Subjects subjects;

    LeaseEndedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<LeaseTerminated> eventType() {
        return LeaseTerminated.class;
    }

    @Override
    public List<Notice> notices(LeaseTerminated e) {
        return subjects.lease(e.leaseId()).map(lease -> Notice.forEach(lease.signatories(), to -> new Notice(
                to, "lease_ended", Priority.HIGH, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("View the lease", "/leases/" + e.leaseId(), "link")),
                Map.of("terminationDate", String.valueOf(e.terminationDate())), null))).orElse(List.of());
    }
}
