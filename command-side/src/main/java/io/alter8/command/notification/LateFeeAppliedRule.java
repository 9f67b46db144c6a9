package io.alter8.command.notification;

import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** A charge stayed open past its grace days and took its late fee: the lease's tenants are told what was added. */
@Component
class LateFeeAppliedRule implements NotificationRule<LateFeeApplied> {

    private final Subjects subjects;

    LateFeeAppliedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<LateFeeApplied> eventType() {
        return LateFeeApplied.class;
    }

    @Override
    public List<Notice> notices(LateFeeApplied e) {
        return subjects.lease(e.leaseId()).map(lease -> Notice.forEach(lease.tenants(), to -> new Notice(
                to, "late_fee_applied", Priority.HIGH, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("Pay now", "/leases/" + e.leaseId() + "/payments", "button")),
                Map.of("amount", e.amount().toString(), "daysLate", Integer.toString(e.daysLate())), null)))
                       .orElse(List.of());
    }
}
