package io.alter8.command.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every successful command: the aggregate, its version after the command and the global position of
 * its last event — send that position as {@code X-Await-Position} to read your own write.
 */
public record CommandAccepted(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String id,
                              long version, long position) {
}
