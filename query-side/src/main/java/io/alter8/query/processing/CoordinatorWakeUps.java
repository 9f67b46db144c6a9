package io.alter8.query.processing;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a pooled processor's coordinator as soon as one of its work packages has committed a replayed batch, so that
 * it hands out the next events at once. Axon 4.13's coordinator stops reading when a work package holds 1,024 events
 * not yet processed, and then looks again only 100 ms later (a constant in its {@code Coordinator}), whatever the
 * work packages do meanwhile: once a work package gets through 1,024 events in less than that, it waits for the
 * coordinator, and a replay cannot pass about 10,000 events a second however fast its projector is. Here the
 * coordinator runs on a scheduler whose delayed tasks a committed replayed batch runs at once instead. Running the
 * coordinator early is harmless: it only looks for work sooner. Live batches do not wake it: new events do already
 * ({@code SignallingEventStore}). The processor filling a blue/green rebuild's copy, built outside Axon's
 * configuration, takes its coordinator and interceptor from here too ({@link #coordinator}): its batches are a
 * replay's.
 */
@Configuration(proxyBeanMethods = false)
class CoordinatorWakeUps {

    private static final String WAKE_AFTER_COMMIT = "coordinator-wake-up";

    private final Map<String, WakeableScheduler> coordinators = new ConcurrentHashMap<>();

    @Bean
    ConfigurerModule coordinatorsWokenByReplayedBatches() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder.coordinatorExecutor(
                        name -> {
                            WakeableScheduler scheduler = new WakeableScheduler("Coordinator[" + name + "]");
                            coordinators.put(name, scheduler);
                            config.onShutdown(scheduler::shutdown);
                            return scheduler;
                        }))
                .registerDefaultHandlerInterceptor((config, name) -> wakeAfterReplayedBatch(name));
    }

    /** A coordinator's scheduler for {@code processor}, woken by its batches ({@link #wakeAfterReplayedBatch}). */
    WakeableScheduler coordinator(String processor) {
        WakeableScheduler scheduler = new WakeableScheduler("Coordinator[" + processor + "]");
        coordinators.put(processor, scheduler);
        return scheduler;
    }

    /** Forgets the coordinator of a processor that is gone (a rebuild's). */
    void forget(String processor) {
        coordinators.remove(processor);
    }

    MessageHandlerInterceptor<EventMessage<?>> wakeAfterReplayedBatch(String processor) {
        return (unitOfWork, chain) -> {
            if (ReplayToken.isReplay(unitOfWork.getMessage()) || ShadowTransaction.active()) {
                AfterBatch.once(WAKE_AFTER_COMMIT, () -> {
                    WakeableScheduler coordinator = coordinators.get(processor);
                    if (coordinator != null) {
                        coordinator.wake();
                    }
                });
            }
            return chain.proceed();
        };
    }

    /** A single-threaded scheduler whose delayed tasks can be run at once. */
    static final class WakeableScheduler extends ScheduledThreadPoolExecutor {

        private final Queue<Delayed> delayed = new ConcurrentLinkedQueue<>();

        WakeableScheduler(String name) {
            super(1, new AxonThreadFactory(name));
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0) {
                return super.schedule(command, delay, unit);
            }
            Delayed task = new Delayed(command);
            task.future = super.schedule(task, delay, unit);
            delayed.add(task);
            return task.future;
        }

        /** Runs every delayed task now, each at most once. */
        void wake() {
            for (Delayed task = delayed.poll(); task != null; task = delayed.poll()) {
                if (task.claim()) {
                    task.future.cancel(false);
                    execute(task.command);
                }
            }
        }

        private final class Delayed implements Runnable {

            private final Runnable command;
            private final AtomicBoolean claimed = new AtomicBoolean();
            private volatile ScheduledFuture<?> future;

            private Delayed(Runnable command) {
                this.command = command;
            }

            @Override
            public void run() {
                if (claim()) {
                    delayed.remove(this);
                    command.run();
                }
            }

            private boolean claim() {
                return claimed.compareAndSet(false, true);
            }
        }
    }
}
