package io.alter8.query.processing;

/**
 * How far one event processor (one read model) has read the stream.
 *
 * @param position the lowest position reached over the segments this instance holds: 0 before the first event,
 *                 -1 while it holds no segment
 */
public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                              long position) {
}
