package io.alter8.command.config;

import java.time.Instant;

/** A Spring event, local stack only: an admin moved the platform's clock; jobs that act on time run now. */
public record ClockMoved(Instant now) {
}
