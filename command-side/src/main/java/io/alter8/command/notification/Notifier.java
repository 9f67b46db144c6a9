package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.command.auth.UserContacts;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a notice into a notification, once: its id is derived from what caused it, and an id already issued is
 * left alone (a redelivered event, a check run twice). It is written in the recipient's language where the
 * template has a translation, published as {@link NotificationIssued} for the in-app inbox when the user wants it
 * there (greeting without the name, which the inbox fills when read), and queued in the outbox for each other channel
 * the user chose and has an address for, after quiet hours unless urgent. All of it in the caller's transaction.
 */
@Component
class Notifier {

    private final JdbcTemplate jdbc;
    private final Subjects subjects;
    private final NotificationPreferences preferences;
    private final MessageTemplates templates;
    private final UserContacts contacts;
    private final NotificationOutbox outbox;
    private final EventGateway events;
    private final Clock clock;

    Notifier(JdbcTemplate jdbc, Subjects subjects, NotificationPreferences preferences, MessageTemplates templates,
             UserContacts contacts, NotificationOutbox outbox, EventGateway events, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.preferences = preferences;
        this.templates = templates;
        this.contacts = contacts;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Issues each of {@code notices} for one {@code cause}; answers how many were not issued before. */
    int issueEach(List<Notice> notices, String cause) {
        return (int) notices.stream().filter(notice -> issue(notice, cause)).count();
    }

    /** Issues {@code notice}, caused by {@code cause} (an event's id, or a check's key); false if it was already. */
    boolean issue(Notice notice, String cause) {
        UUID id = UUID.nameUUIDFromBytes((notice.type() + ":" + cause + ":" + notice.recipient())
                                                 .getBytes(StandardCharsets.UTF_8));
        UUID userId = notice.recipient().value();
        if (jdbc.update("INSERT INTO notification_issued (notification_id, user_id, template) VALUES (?, ?, ?) "
                        + "ON CONFLICT (notification_id) DO NOTHING", id, userId, notice.type()) == 0) {
            return false;
        }
        Subjects.Recipient recipient = subjects.recipient(notice.recipient());
        int version = templates.currentVersion(notice.type());
        String language = templates.languageFor(notice.type(), version, recipient.language());
        // The inbox's copy is an event, kept for good: its greeting leaves the name open for the inbox to fill when
        // read. E-mail, SMS and WhatsApp are written when sent, from the outbox, with the name.
        Map<String, String> inApp = new HashMap<>(notice.values());
        inApp.putIfAbsent("firstName", NotificationIssued.FIRST_NAME);
        MessageTemplates.Rendered text = templates.render(notice.type(), version, language, inApp);
        Map<String, String> values = new HashMap<>(notice.values());
        values.putIfAbsent("firstName", recipient.firstName() == null ? NotificationIssued.UNNAMED
                                                                      : recipient.firstName());

        NotificationPreferences.Stored stored = preferences.of(userId);
        Set<NotificationChannel> channels = preferences.channels(stored, notice.type(), notice.priority());
        if (channels.contains(NotificationChannel.IN_APP)) {
            events.publish(new NotificationIssued(id, notice.recipient(), notice.type(), notice.priority().wire(),
                                                  text.subject(), text.body(), notice.entityType(),
                                                  notice.entityId(), notice.actions(), notice.type(), version,
                                                  language, notice.values(), notice.expiresAt()));
        }
        Instant notBefore = preferences.notBefore(stored, notice.priority(), clock.instant());
        Map<String, Object> payload = Map.copyOf(values);
        contacts.of(userId).ifPresent(contact -> {
            for (NotificationChannel channel : channels) {
                String destination = switch (channel) {
                    case EMAIL -> contact.email();
                    case SMS, WHATSAPP -> contact.phone();
                    case IN_APP -> null;
                };
                if (destination != null) {
                    outbox.enqueue(new NotificationOutbox.Entry(id, userId, channel, destination, notice.type(),
                                                                version, language, notice.priority(), notBefore,
                                                                payload, payload));
                }
            }
        });
        return true;
    }
}
