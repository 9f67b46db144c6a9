package io.alter8.query.processing;

import java.time.Instant;
import java.util.List;

/**
 * How far one event processor (one read model) has read the stream, segment by segment, and what it could not read.
 *
 * @param state       {@code up}; {@code dead-letters} when it runs but has parked events it could not process (the
 *                    read model lacks them, and later events of their aggregates); {@code error} when a segment is
 *                    failing or was released by a failure, or the processor backs off after errors; {@code unknown}
 *                    while its dead letters cannot be counted (the read database is unreachable); {@code stopped}
 * @param position    the lowest position over every segment of the processor (held here or not); -1 before the
 *                    first event (the first is 0 in Axon Server, 1 in the JDBC store) and while any segment has none
 * @param head        the position of the last event in the store when the status was taken (-1: none yet)
 * @param lag         how many positions the processor is behind the head ({@code head - position}, 0 at the head)
 * @param deadLetters events parked in its dead-letter queue; -1 while the read database cannot be asked
 * @param lastError   the last batch failure the dead-letter queue did not absorb, if any since the start
 */
public record ProcessorStatus(String name, String state, boolean running, boolean replaying, boolean error,
                              long position, long head, long lag, long deadLetters, List<Segment> segments, LastError lastError) {

    /**
     * One segment. {@code claimed} is whether this instance processes it now; a segment held by another instance
     * shows its stored position and owner; one held by nobody after a failed batch is in error (released by it).
     */
    public record Segment(int segment, long position, boolean claimed, String owner, boolean replaying,
                          boolean caughtUp, boolean error, String errorMessage) {
    }

    public record LastError(String message, Instant at) {
    }
}
