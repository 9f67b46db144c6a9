package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.api.verification.VerificationScheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The visit has a date: the property's owner is told when. */
@Component
class VerificationScheduledRule implements NotificationRule<VerificationScheduled> {

    private final Subjects subjects;

    VerificationScheduledRule(Subjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public Class<VerificationScheduled> eventType() {
        return VerificationScheduled.class;
    }

    @Override
    public List<Notice> notices(VerificationScheduled e) {
        return subjects.verification(e.verificationId()).map(v -> Notice.forEach(List.of(v.owner()), to -> new Notice(
                to, "verification_scheduled", Priority.MEDIUM, "verification", e.verificationId().toString(),
                List.of(new NotificationAction("View the verification", "/verifications/" + e.verificationId(),
                                               "link")),
                Map.of("scheduledAt", e.scheduledAt().toString()), null))).orElse(List.of());
    }
}
