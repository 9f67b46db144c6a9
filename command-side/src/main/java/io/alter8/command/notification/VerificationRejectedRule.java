package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.api.verification.VerificationRejected;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The property failed its verification: its owner learns why. */
@Component
class VerificationRejectedRule implements NotificationRule<VerificationRejected> {

    private final Subjects subjects;

    VerificationRejectedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<VerificationRejected> eventType() {
        return VerificationRejected.class;
    }

    @Override
    public List<Notice> notices(VerificationRejected e) {
        return subjects.verification(e.verificationId()).map(v -> Notice.forEach(List.of(v.owner()), to -> new Notice(
                to, "verification_rejected", Priority.HIGH, "property", e.propertyId().toString(),
                List.of(new NotificationAction("View the verification", "/verifications/" + e.verificationId(),
                                               "link")),
                Map.of("reason", e.reason() == null ? "" : e.reason()), null))).orElse(List.of());
    }
}
