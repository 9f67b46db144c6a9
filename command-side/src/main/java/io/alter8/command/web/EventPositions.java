package io.alter8.command.web;

import java.util.Optional;

/** Where an event sits in the global stream: the position a client hands to the query side to read its writes. */
interface EventPositions {

    long positionOf(String aggregateId, long sequenceNumber);

    /**
     * The aggregate's last event as a command's answer (its version and position), read in one go: after a creation
     * or a command that was already satisfied, when the command itself did not say which event it ended at.
     */
    Optional<CommandAccepted> last(String aggregateId);
}
