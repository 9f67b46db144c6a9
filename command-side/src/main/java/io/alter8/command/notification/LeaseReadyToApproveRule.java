package io.alter8.command.notification;

import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A lease proposed to its parties (not a tenant's own application): each signatory but the proposer approves. */
@Component
class LeaseReadyToApproveRule implements NotificationRule<LeaseProposed> {

    @Override
    public Class<LeaseProposed> eventType() {
        return LeaseProposed.class;
    }

    @Override
    public List<Notice> notices(LeaseProposed e) {
        if (e.isApplication()) {
            return List.of();
        }
        List<io.alter8.api.common.UserId> parties = new ArrayList<>(e.tenants());
        parties.add(e.ownerId());
        parties.remove(e.proposedBy());
        return Notice.forEach(parties, to -> new Notice(
                to, "lease_ready_to_approve", Priority.HIGH, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("Review and approve", "/leases/" + e.leaseId() + "/approve", "button")),
                Map.of("startDate", e.terms().startDate().toString(), "endDate", e.terms().endDate().toString()),
                null));
    }
}
