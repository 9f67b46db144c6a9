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
 * with it. Never carries a secret: one-time codes are delivered without a notification, nor a name: where the text
 * greets the recipient by first name it holds {@link #FIRST_NAME}, which the inbox fills when read.
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

    /**
     * Where title and message greet the recipient by first name. The event is kept for good and cannot be erased, so
     * the name is left open here and filled when the inbox is read, from the user's directory entry, which an erasure
     * clears: an erased user's name leaves their inbox too.
     */
    public static final String FIRST_NAME = "{firstName}";
    /** The greeting's word for someone whose first name is not known (or was erased). */
    public static final String UNNAMED = "there";

    /** {@code text} with its greeting filled with {@code firstName}, or {@link #UNNAMED} without one. */
    public static String greeting(String text, String firstName) {
        return text == null ? null : text.replace(FIRST_NAME, firstName == null || firstName.isBlank() ? UNNAMED
                                                                                                       : firstName);
    }

    public NotificationIssued {
        actions = actions == null ? List.of() : List.copyOf(actions);
        personalisation = personalisation == null ? Map.of() : Map.copyOf(personalisation);
    }
}
