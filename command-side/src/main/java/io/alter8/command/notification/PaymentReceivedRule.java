package io.alter8.command.notification;

import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A payment was received for a lease: its owner and manager hear of the money, its tenants get it as a receipt
 * (whoever recorded it).
 */
@Component
class PaymentReceivedRule implements NotificationRule<PaymentRecorded> {

    private final Subjects subjects;

    PaymentReceivedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<PaymentRecorded> eventType() {
        return PaymentRecorded.class;
    }

    @Override
    public List<Notice> notices(PaymentRecorded e) {
        return subjects.lease(e.leaseId()).map(lease -> {
            List<io.alter8.api.common.UserId> told = new ArrayList<>(lease.signatories());
            told.add(lease.manager());
            return Notice.forEach(told, to -> new Notice(
                    to, "payment_received", Priority.MEDIUM, "lease", e.leaseId().toString(),
                    List.of(new NotificationAction("View the rent account", "/leases/" + e.leaseId() + "/ledger",
                                                   "link")),
                    Map.of("amount", e.amount().toString(),
                           "paidOn", e.paidAt().atZone(ZoneOffset.UTC).toLocalDate().toString()), null));
        }).orElse(List.of());
    }
}
