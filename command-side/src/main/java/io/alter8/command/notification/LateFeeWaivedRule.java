package io.alter8.command.notification;

import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The owner's side waived a late fee: the lease's tenants no longer owe it. */
@Component
class LateFeeWaivedRule implements NotificationRule<LateFeeWaived> {

    private final Subjects subjects;

    LateFeeWaivedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<LateFeeWaived> eventType() {
        return LateFeeWaived.class;
    }

    @Override
    public List<Notice> notices(LateFeeWaived e) {
        return subjects.lease(e.leaseId()).map(lease -> Notice.forEach(lease.tenants(), to -> new Notice(
                to, "late_fee_waived", Priority.MEDIUM, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("View the rent account", "/leases/" + e.leaseId() + "/ledger", "link")),
                Map.of("amount", e.amount().toString()), null))).orElse(List.of());
    }
}
