package io.alter8.command;

import io.alter8.api.user.Actor;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What every aggregate checks of a command's arguments first, answered as the API's problems. */
public final class CommandArguments {

    private CommandArguments() {
    }

    /** Who sends the command; a command without one is refused (403), never run as nobody. */
    public static Actor actor(Actor actor) {
        if (actor == null) {
            throw new NotPermitted("the command does not say who sends it");
        }
        return actor;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new DomainRuleViolation("missing-" + field, field + " is required");
        }
        return value;
    }

    /** Free text as kept: stripped, and blank as absent. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Now on Axon's clock (which fixtures set). */
    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Today in UTC, on Axon's clock. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
