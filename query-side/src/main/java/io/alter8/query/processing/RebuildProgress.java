package io.alter8.query.processing;

import java.time.Instant;

/**
 * Where the blue/green rebuild of one read model stands.
 *
 * @param state           {@code filling} while the copy reads the event store; {@code indexing} once it has caught
 *                        up, while the indexes it was filled without are built; {@code ready} when it has caught up
 *                        and waits for an operator's switch (a rebuild started with {@code hold=true}; it keeps
 *                        following new events meanwhile); {@code switching}; {@code switched} once the copy answers
 *                        queries; {@code failed} (the old model still answers) or {@code cancelled}
 * @param eventsDone      the position the copy has read up to (positions count the events of the store)
 * @param eventsTotal     the position of the newest event in the store, which the copy must reach
 * @param eventsPerSecond how fast the copy read over the last seconds
 * @param secondsLeft     at that rate, how long until it catches up; absent while the rate is not known yet
 * @param deadLetters     events the copy could not process, parked as the live model's would be (they become its
 *                        dead letters at the switch)
 * @param error           why it failed, or the last batch failure while it retries
 */
public record RebuildProgress(String processingGroup, String state, boolean hold, Instant startedAt,
                              Instant finishedAt, long eventsDone, long eventsTotal, double eventsPerSecond,
                              Long secondsLeft, long deadLetters, String error) {
}
