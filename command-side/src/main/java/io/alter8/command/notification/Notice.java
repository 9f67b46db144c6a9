package io.alter8.command.notification;

import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule wants one person told: the notification type (which is also its template's id), how urgent, what it
 * is about, what they can do, and the values its template fills in. {@link Notifier} does the rest: language,
 * preferences, quiet hours, channels, once only.
 */
record Notice(UserId recipient, String type, Priority priority, String entityType, String entityId,
              List<NotificationAction> actions, Map<String, String> values, Instant expiresAt) {

    Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        actions = actions == null ? List.of() : List.copyOf(actions);
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The same notice for each of {@code recipients}, skipping nulls and repeats (an owner who is also agent). */
    static List<Notice> forEach(java.util.Collection<UserId> recipients, java.util.function.Function<UserId, Notice> notice) {
        return recipients.stream().filter(Objects::nonNull).distinct().map(notice).toList();
    }
}
