package io.alter8.command.web;

import io.alter8.infra.eventstore.AppendedPositions;

/**
 * What handling a command left behind: the aggregate and sequence number of the last event it applied, or nulls
 * when the command was already satisfied or its events are applied only as it commits (a creation); and the positions
 * of the events it stored, known once it has committed.
 */
public record CommandOutcome(String aggregateId, Long lastSequence, AppendedPositions stored) {

    boolean appliedEvents() {
        return lastSequence != null;
    }
}
