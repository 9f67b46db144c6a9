package io.alter8.query.processing;

/**
 * How far one event processor (one read model) has read the stream.
 *
 * @param position the lowest position reached over the segments this instance holds; -1 before the first event
 *                 (the first is 0 in Axon Server, 1 in the JDBC store) and while it holds no segment
 */
public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                              long position) {
}
