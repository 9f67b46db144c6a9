package io.alter8.command.notification;

import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Every party approved the terms: the owner and the tenants are asked to sign. */
@Component
class LeaseReadyToSignRule implements NotificationRule<LeaseApproved> {

    private final Subjects subjects;

    LeaseReadyToSignRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<LeaseApproved> eventType() {
        return LeaseApproved.class;
    }

    @Override
    public List<Notice> notices(LeaseApproved e) {
        if (e.approvalStatus() != LeaseApprovalStatus.FULLY_APPROVED) {
            return List.of();
        }
        return subjects.lease(e.leaseId()).map(lease -> Notice.forEach(lease.signatories(), to -> new Notice(
                to, "lease_ready_to_sign", Priority.HIGH, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("Sign the lease", "/leases/" + e.leaseId() + "/sign", "button")),
                Map.of(), null))).orElse(List.of());
    }
}
