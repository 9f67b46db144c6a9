package io.alter8.command.audit;

import java.time.Instant;

/**
 * Which events of the global log a caller asks for; a null field does not filter. {@code type} is an event's class
 * name, whole or simple; {@code from} is inclusive, {@code to} exclusive.
 */
record EventFilter(String type, String aggregateType, Instant from, Instant to, String userId, String correlationId,
                   long afterPosition) {
}
