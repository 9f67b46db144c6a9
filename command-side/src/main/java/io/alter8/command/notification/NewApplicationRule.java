package io.alter8.command.notification;

import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A tenant applied for a listing: its owner, listing agent and manager hear of it. */
@Component
class NewApplicationRule implements NotificationRule<LeaseProposed> {

    @Override
    public Class<LeaseProposed> eventType() {
        return LeaseProposed.class;
    }

    @Override
    public List<Notice> notices(LeaseProposed e) {
        if (!e.isApplication()) {
            return List.of();
        }
        return Notice.forEach(Arrays.asList(e.ownerId(), e.agentId(), e.managerId()), to -> new Notice(
                to, "new_application", Priority.HIGH, "lease", e.leaseId().toString(),
                List.of(new NotificationAction("Review the application", "/leases/" + e.leaseId(), "link")),
                Map.of("startDate", e.terms().startDate().toString(),
                       "monthlyRent", e.terms().monthlyRent().amount().toPlainString() + " "
                               + e.terms().monthlyRent().currency()), null));
    }
}
