package io.alter8.command.auth;

import io.alter8.command.notification.NotificationOutbox.OutgoingMessage;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The phone and inbox of every test user: messages as a sender in the service receives them, after the transaction
 * that queued them committed (so before the HTTP answer), newest first per destination. Static, because the
 * service runs in the test's JVM and helpers such as {@link TestUsers} have no Spring context; destinations are
 * unique per test, so tests do not see each other's messages. Brought in by {@code @CommandSideTest}.
 */
public class SentMessages {

    private static final Map<String, Deque<OutgoingMessage>> BY_DESTINATION = new ConcurrentHashMap<>();

    @TransactionalEventListener
    void on(OutgoingMessage message) {
        BY_DESTINATION.computeIfAbsent(message.destination(), d -> new ConcurrentLinkedDeque<>()).addFirst(message);
    }

    /** Every message sent to {@code destination}, newest first. */
    public static List<OutgoingMessage> to(String destination) {
        return List.copyOf(BY_DESTINATION.getOrDefault(destination, new ConcurrentLinkedDeque<>()));
    }

    /** The code of the newest message to {@code destination} that carries one. */
    public static Optional<String> latestCode(String destination) {
        return to(destination).stream().map(m -> (String) m.content().get("code")).filter(Objects::nonNull)
                              .findFirst();
    }

    /** The code of the newest message of {@code template} (e.g. {@code otp_password_reset}) to {@code destination}. */
    public static Optional<String> latestCode(String destination, String template) {
        return to(destination).stream().filter(m -> m.template().equals(template))
                              .map(m -> (String) m.content().get("code")).findFirst();
    }
}
