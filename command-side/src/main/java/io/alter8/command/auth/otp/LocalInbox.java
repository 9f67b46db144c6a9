package io.alter8.command.auth.otp;

import io.alter8.command.auth.otp.NotificationOutbox.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * For the local stack only: "delivers" every message by appending it to a file per destination in
 * {@code alter8.notifications.local-inbox} ({@code ./alter8 run} sets {@code .alter8-data/inbox}), so that a
 * developer can read the codes that sign-up, password reset and two-factor login send, without an SMS or e-mail
 * provider. The files hold codes in plain text: the service refuses to start with it under the {@code prod}
 * profile.
 */
@Component
@ConditionalOnProperty("alter8.notifications.local-inbox")
class LocalInbox {

    private static final Logger log = LoggerFactory.getLogger(LocalInbox.class);

    private final Path directory;
    private final JsonMapper json;

    LocalInbox(Environment environment, JsonMapper json) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("alter8.notifications.local-inbox writes codes to files: never in prod");
        }
        this.directory = Path.of(environment.getRequiredProperty("alter8.notifications.local-inbox"));
        this.json = json;
        log.warn("Messages are written to files in {} instead of being sent (local development only)", directory);
    }

    @TransactionalEventListener
    void deliver(OutgoingMessage message) {
        String line = Instant.now() + " " + message.template() + " " + json.writeValueAsString(message.content())
                + System.lineSeparator();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(fileName(message.destination())), line, StandardCharsets.UTF_8,
                              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code +919876543210.txt}, {@code asha@example.com.txt}: only characters safe in a file name. */
    static String fileName(String destination) {
        return destination.replaceAll("[^A-Za-z0-9@+._-]", "_") + ".txt";
    }
}
