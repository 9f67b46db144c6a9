package io.alter8.query.processing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coordinator's scheduler: a task it put off runs as soon as a replayed batch wakes it, and only once.
 */
class CoordinatorWakeUpsTest {

    private final CoordinatorWakeUps.WakeableScheduler scheduler =
            new CoordinatorWakeUps.WakeableScheduler("Coordinator[test]");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A task as the coordinator schedules them: a Runnable. */
    private static Runnable count(AtomicInteger runs) {
        return runs::incrementAndGet;
    }

    @Test
    void aDelayedTaskRunsAtOnceWhenWokenAndOnlyOnce() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(count(runs), 1, TimeUnit.HOURS);

        scheduler.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        // Taken out of the schedule, so its hour never comes; a second wake-up finds nothing to run.
        assertThat(scheduler.getQueue()).isEmpty();
        scheduler.wake();
        AtomicInteger after = new AtomicInteger();
        scheduler.execute(count(after));
        await().atMost(Duration.ofSeconds(10)).until(() -> after.get() == 1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aTaskWhoseDelayEndedIsNotRunAgainByALaterWakeUp() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(count(runs), 10, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);

        scheduler.wake();
        scheduler.execute(() -> { });
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.getCompletedTaskCount() == 2);
        assertThat(runs).hasValue(1);
    }

    @Test
    void tasksWithoutADelayRunAsScheduled() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(count(runs), 0, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    }
}
