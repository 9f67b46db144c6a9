package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.api.verification.VerificationCompleted;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The property passed its verification: its owner may now list it. */
@Component
class VerificationCompletedRule implements NotificationRule<VerificationCompleted> {

    private final Subjects subjects;

    VerificationCompletedRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<VerificationCompleted> eventType() {
        return VerificationCompleted.class;
    }

    @Override
    public List<Notice> notices(VerificationCompleted e) {
        return subjects.verification(e.verificationId()).map(v -> Notice.forEach(List.of(v.owner()), to -> new Notice(
                to, "verification_completed", Priority.MEDIUM, "property", e.propertyId().toString(),
                List.of(new NotificationAction("List the property", "/properties/" + e.propertyId(), "link")),
                Map.of(), null))).orElse(List.of());
    }
}
