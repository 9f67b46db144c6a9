package io.alter8.command;

import io.alter8.api.user.Actor;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

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

    /**
     * Tags as kept: stripped, blanks and repeats dropped; more than {@code most}, or longer than {@code longest}: 409.
     */
    public static List<String> tags(List<String> given, int most, int longest) {
        if (given == null) {
            return List.of();
        }
        List<String> tags = given.stream().map(CommandArguments::text).filter(Objects::nonNull).distinct().toList();
        if (tags.size() > most || tags.stream().anyMatch(t -> t.length() > longest)) {
            throw new DomainRuleViolation("invalid-tags", "at most " + most + " tags of at most " + longest
                    + " characters");
        }
        return tags;
    }
}
