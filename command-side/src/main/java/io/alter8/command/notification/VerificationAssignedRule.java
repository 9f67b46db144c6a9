package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.api.verification.VerificationAssigned;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** A field executive was given a verification to carry out. */
@Component
class VerificationAssignedRule implements NotificationRule<VerificationAssigned> {

    @Override
    public Class<VerificationAssigned> eventType() {
        return VerificationAssigned.class;
    }

    @Override
    public List<Notice> notices(VerificationAssigned e) {
        return Notice.forEach(List.of(e.fieldExecutiveId()), to -> new Notice(
                to, "verification_assigned", Priority.HIGH, "verification", e.verificationId().toString(),
                List.of(new NotificationAction("Plan the visit", "/verifications/" + e.verificationId(), "link")),
                Map.of(), null));
    }
}
