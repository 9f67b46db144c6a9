package io.alter8.command.web;

/**
 * What handling a command left behind: the aggregate and sequence number of the last event it applied, or nulls
 * when the command was already satisfied and applied nothing.
 */
public record CommandOutcome(String aggregateId, Long lastSequence) {

    static final CommandOutcome NOTHING_APPLIED = new CommandOutcome(null, null);

    boolean appliedEvents() {
        return lastSequence != null;
    }
}
