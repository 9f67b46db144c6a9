package io.alter8.api.notification;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A notification for one person, as a rule made it from a domain event: what it says (in the person's language
 * where a translation exists), what it is about and what they can do, which template and version wrote it and with
 * what data; {@code expiresAt} may be null. Its other channels (e-mail, SMS, WhatsApp) are queued on the command side
 * with it. Never carries a secret: one-time codes are delivered without a notification.
 */
@Revision("1")
public record NotificationIssued(UUID notificationId,
                                 UserId userId,
                                 String type,
                                 String priority,
                                 String title,
                                 String message,
                                 String entityType,
                                 String entityId,
                                 List<NotificationAction> actions,
                                 String templateId,
                                 int templateVersion,
                                 String language,
                                 Map<String, String> personalisation,
                                 Instant expiresAt) {

    public NotificationIssued {
        actions = actions == null ? List.of() : List.copyOf(actions);
        personalisation = personalisation == null ? Map.of() : Map.copyOf(personalisation);
    }
}
