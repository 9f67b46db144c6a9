package io.alter8.command.audit;

import java.time.Instant;

/**
 * Which events of the global log a caller asks for; a null field does not filter. {@code type} is an event's class
 * name, whole or simple; {@code from} is inclusive, {@code to} exclusive; {@code afterPosition} -1 reads from the
 * first position (0 on Axon Server).
 */
record EventFilter(String type, String aggregateType, Instant from, Instant to, String userId, String correlationId,
                   long afterPosition) {
}
