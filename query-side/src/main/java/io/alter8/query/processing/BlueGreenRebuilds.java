package io.alter8.query.processing;

import io.alter8.query.processing.DeadLetterConfiguration.DeadLetterQueues;
import io.alter8.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Blue/green rebuilds of the read models that declare their tables ({@link RebuildableReadModel}). A second
 * processor, named after the group with {@value #SUFFIX}, runs the group's own handlers from the start of the event
 * store into empty copies of the tables in a schema of their own ({@link ReadModelCopy}, {@link ShadowTransaction});
 * the live processor and tables go on answering meanwhile. Once the copy has read up to the head of the store, both
 * processors stop, and one transaction puts the copies in place of the old tables and gives the copy's tokens and
 * dead letters to the live processor, which then starts again from where the copy stopped: no event is missed or
 * applied to a model twice. The caches fed by the old tables are evicted once, after that commit.
 * <p>
 * One rebuild per read model at a time, run by the instance that was asked: on several query-side instances, the
 * others' processors lose their claims at the switch and claim the new tokens again.
 */
@Component
public class BlueGreenRebuilds {

    static final String SUFFIX = "--rebuild";

    private static final Logger log = LoggerFactory.getLogger(BlueGreenRebuilds.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private final Map<String, RebuildableReadModel> models;
    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessorProperties settings;
    private final TransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DeadLetterQueues queues;
    private final ProcessorErrors errors;
    private final ProcessorPositions positions;
    private final CoordinatorWakeUps wakeUps;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(named("rebuilds"));
    private volatile String liveSchema;

    BlueGreenRebuilds(Collection<RebuildableReadModel> models, EventProcessingConfiguration processing,
                      org.axonframework.config.Configuration axon, EventProcessorProperties settings,
                      TransactionManager transactionManager, JdbcTemplate jdbc, TransactionTemplate transaction,
                      DeadLetterQueues queues, ProcessorErrors errors, ProcessorPositions positions,
                      CoordinatorWakeUps wakeUps) {
        this.models = models.stream().collect(Collectors.toMap(RebuildableReadModel::processingGroup,
                                                               Function.identity()));
        this.processing = processing;
        this.axon = axon;
        this.settings = settings;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.queues = queues;
        this.errors = errors;
        this.positions = positions;
        this.wakeUps = wakeUps;
        monitor.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts filling a copy of the group's read model. With {@code hold}, the copy waits at the head for
     * {@link #switchNow} instead of switching by itself.
     */
    public synchronized RebuildProgress start(String group, boolean hold) {
        StreamingEventProcessor live = live(group);
        RebuildableReadModel model = models.get(group);
        if (model == null) {
            throw ApiException.conflict("not-rebuildable", "No blue/green rebuild",
                                        group + " keeps no tables a copy can be made of; reset it instead");
        }
        Rebuild running = rebuilds.get(group);
        if (running != null && running.active()) {
            throw ApiException.conflict("rebuild-running", "A rebuild is running",
                                        "the read model " + group + " is being rebuilt already");
        }
        String name = group + SUFFIX;
        ReadModelCopy copy = new ReadModelCopy(jdbc, transaction, liveSchema(), "rebuild_"
                + group.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(), model.tables(), model.indexedAfterFill());
        // What an unfinished rebuild (a crash) left goes first: its copy, tokens and letters.
        forget(name);
        copy.create();
        Rebuild rebuild = new Rebuild(model, name, copy, hold, clock.instant());
        rebuild.processor = copyProcessor(group, rebuild, (AbstractEventProcessor) live);
        rebuilds.put(group, rebuild);
        rebuild.processor.start();
        log.info("Rebuilding {} blue/green into schema {}", group, copy.schema());
        return rebuild.progress();
    }

    public Optional<RebuildProgress> progress(String group) {
        live(group);
        return Optional.ofNullable(rebuilds.get(group)).map(Rebuild::progress);
    }

    /** Switches a held rebuild that has caught up. */
    public synchronized RebuildProgress switchNow(String group) {
        Rebuild rebuild = existing(group);
        if (!"ready".equals(rebuild.state)) {
            throw ApiException.conflict("rebuild-not-ready", "The copy is not ready",
                                        "the rebuild of " + group + " is " + rebuild.state
                                                + "; only a held copy that has caught up (ready) is switched");
        }
        switchIn(rebuild);
        return rebuild.progress();
    }

    /** Stops a running rebuild and drops its copy; the live read model was never touched. */
    public synchronized RebuildProgress cancel(String group) {
        Rebuild rebuild = existing(group);
        if (!rebuild.active()) {
            throw ApiException.conflict("rebuild-over", "The rebuild is over",
                                        "the rebuild of " + group + " is " + rebuild.state);
        }
        rebuild.stop();
        rebuild.copy.drop();
        forget(rebuild.name);
        rebuild.finish("cancelled", null, clock.instant());
        return rebuild.progress();
    }

    private Rebuild existing(String group) {
        live(group);
        Rebuild rebuild = rebuilds.get(group);
        if (rebuild == null) {
            throw ApiException.notFound("rebuild of the group", group);
        }
        return rebuild;
    }

    private StreamingEventProcessor live(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                         .orElseThrow(() -> ApiException.notFound("processing group", group));
    }

    private synchronized void tick() {
        for (Rebuild rebuild : rebuilds.values()) {
            if (!rebuild.active()) {
                continue;
            }
            try {
                long head = positions.head();
                OptionalLong reached = reached(rebuild);
                Long letters = jdbc.queryForObject(
                        "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, rebuild.name);
                rebuild.sample(clock.instant(), reached.orElse(-1), head, letters == null ? 0 : letters,
                               errors.last(rebuild.name).map(ProcessorStatus.LastError::message).orElse(null));
                boolean caughtUp = reached.isPresent() && reached.getAsLong() >= head;
                if (caughtUp && !rebuild.indexed) {
                    index(rebuild);
                } else if (caughtUp && !rebuild.hold) {
                    switchIn(rebuild);
                } else if (caughtUp) {
                    rebuild.state = "ready";
                }
            } catch (RuntimeException e) {
                // The read database away for a moment: the next tick tries again.
                log.warn("Could not follow the rebuild of {}: {}", rebuild.model.processingGroup(), message(e));
            }
        }
    }

    /** The position every segment of the copy's processor has passed; empty until it holds all of them. */
    private static OptionalLong reached(Rebuild rebuild) {
        Map<Integer, EventTrackerStatus> status = rebuild.processor.processingStatus();
        if (status.size() < rebuild.segments) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(status.values().stream()
                                     .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1));
    }

    /**
     * Gives the filled copy the indexes it was filled without ({@link ReadModelCopy#complete()}),
     * with its processor paused meanwhile; the live model answers and follows new events all along. A rebuild without
     * a hold then switches at once (the live processor goes on from where the copy stopped); a held one follows the
     * events that came meanwhile again before it is ready.
     */
    private void index(Rebuild rebuild) {
        rebuild.state = "indexing";
        rebuild.processor.shutDown();
        try {
            rebuild.copy.complete();
        } catch (RuntimeException e) {
            rebuild.stop();
            rebuild.copy.drop();
            forget(rebuild.name);
            rebuild.finish("failed", "the copy's indexes could not be built, the old model still answers: "
                    + message(e), clock.instant());
            log.warn("The indexes of the rebuilt {} could not be built: {}", rebuild.model.processingGroup(),
                     message(e));
            return;
        }
        rebuild.indexed = true;
        if (rebuild.hold) {
            rebuild.state = "filling";
            rebuild.processor.start();
        } else {
            switchIn(rebuild);
        }
    }

    private void switchIn(Rebuild rebuild) {
        String group = rebuild.model.processingGroup();
        rebuild.state = "switching";
        StreamingEventProcessor live = live(group);
        rebuild.stop();
        live.shutDown();
        boolean switched = false;
        try {
            rebuild.copy.switchIn(() -> {
                jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", group);
                jdbc.update("UPDATE token_entry SET processor_name = ?, owner = NULL WHERE processor_name = ?",
                            group, rebuild.name);
                // The old model's letters were its own; the copy's are what the new one lacks.
                jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", group);
                jdbc.update("UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                            group, rebuild.name);
            });
            switched = true;
            rebuild.finish("switched", null, clock.instant());
            log.info("Rebuilt {}: the copy answers queries now", group);
        } catch (RuntimeException e) {
            rebuild.copy.drop();
            forget(rebuild.name);
            rebuild.finish("failed", "the switch failed, the old model still answers: " + message(e),
                           clock.instant());
            log.warn("The switch of the rebuilt {} failed: {}", group, message(e));
        } finally {
            live.start();
        }
        if (switched) {
            rebuild.model.afterSwitch();
        }
    }

    private PooledStreamingEventProcessor copyProcessor(String group, Rebuild rebuild, AbstractEventProcessor live) {
        List<?> handlers = handlers(live.eventHandlerInvoker());
        String schema = rebuild.copy.schema();
        String name = rebuild.name;
        TransactionManager intoCopy = ProcessorTransactions.preparedBy(
                transactionManager, () -> ShadowTransaction.begin(jdbc, name, schema, liveSchema()));
        EventProcessorProperties.ProcessorSettings configured =
                settings.getProcessors().getOrDefault(group, new EventProcessorProperties.ProcessorSettings());
        rebuild.segments = configured.getInitialSegmentCount() == null ? 1 : configured.getInitialSegmentCount();
        int threads = Math.max(1, configured.getThreadCount());
        rebuild.coordinator = wakeUps.coordinator(name);
        rebuild.workers = Executors.newScheduledThreadPool(threads, named(name + "-worker"));
        DeadLetteringEventHandlerInvoker invoker =
                DeadLetteringEventHandlerInvoker.builder()
                                                .eventHandlers(handlers)
                                                .parameterResolverFactory(axon.parameterResolverFactory())
                                                .handlerDefinition(axon.handlerDefinition(handlers.get(0).getClass()))
                                                .sequencingPolicy(processing.sequencingPolicy(group))
                                                .queue(queues.forGroup(name))
                                                .enqueuePolicy(new ParkUnlessTransient())
                                                .transactionManager(intoCopy)
                                                .enableSequenceIdentifierCache()
                                                .build();
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                                            .name(name)
                                            .eventHandlerInvoker(invoker)
                                            .errorHandler(errors)
                                            .messageSource(axon.eventStore())
                                            .tokenStore(processing.tokenStore(group))
                                            .transactionManager(intoCopy)
                                            .coordinatorExecutor(rebuild.coordinator)
                                            .workerExecutor(rebuild.workers)
                                            .initialSegmentCount(rebuild.segments)
                                            .batchSize(Math.max(1, configured.getBatchSize()))
                                            .initialToken(StreamableMessageSource::createTailToken)
                                            .build();
        processor.registerHandlerInterceptor(wakeUps.wakeAfterReplayedBatch(name));
        return processor;
    }

    private static List<?> handlers(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(d -> handlers(d).stream()).toList();
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers();
        }
        throw new IllegalStateException("no event handlers found in " + invoker.getClass().getSimpleName());
    }

    /** Removes what a processor filling a copy keeps outside the copy: its tokens and dead letters. */
    private void forget(String name) {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", name);
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", name);
    }

    private String liveSchema() {
        if (liveSchema == null) {
            liveSchema = jdbc.queryForObject("SELECT current_schema()", String.class);
        }
        return liveSchema;
    }

    @PreDestroy
    void shutDown() {
        monitor.shutdownNow();
        // A copy left half-filled is dropped by the next rebuild of its read model.
        rebuilds.values().stream().filter(Rebuild::active).forEach(Rebuild::stop);
    }

    private static String message(Throwable e) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One rebuild: its copy, the processor filling it, and how fast it goes. */
    private final class Rebuild {

        private final RebuildableReadModel model;
        private final String name;
        private final ReadModelCopy copy;
        private final boolean hold;
        private final Instant startedAt;
        private final Deque<long[]> samples = new ArrayDeque<>();
        private PooledStreamingEventProcessor processor;
        private ScheduledExecutorService coordinator;
        private ScheduledExecutorService workers;
        private int segments;
        private volatile String state = "filling";
        /** Whether the copy has all of its indexes ({@link ReadModelCopy#complete()}). */
        private volatile boolean indexed;
        private volatile Instant finishedAt;
        private volatile long reached = -1;
        private volatile long head = -1;
        private volatile double rate;
        private volatile long letters;
        private volatile String error;

        private Rebuild(RebuildableReadModel model, String name, ReadModelCopy copy, boolean hold,
                        Instant startedAt) {
            this.model = model;
            this.name = name;
            this.copy = copy;
            this.hold = hold;
            this.startedAt = startedAt;
        }

        boolean active() {
            return "filling".equals(state) || "indexing".equals(state) || "ready".equals(state)
                    || "switching".equals(state);
        }

        void sample(Instant at, long position, long head, long letters, String error) {
            this.reached = position;
            this.head = head;
            this.letters = letters;
            this.error = error;
            long now = at.toEpochMilli();
            samples.addLast(new long[]{now, Math.max(position, 0)});
            while (samples.size() > 2 && samples.peekFirst()[0] < now - RATE_WINDOW.toMillis()) {
                samples.removeFirst();
            }
            long[] first = samples.peekFirst();
            long millis = now - first[0];
            this.rate = millis <= 0 ? 0 : (Math.max(position, 0) - first[1]) * 1000.0 / millis;
        }

        void stop() {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
            wakeUps.forget(name);
        }

        void finish(String outcome, String why, Instant at) {
            this.state = outcome;
            this.error = why;
            this.finishedAt = at;
        }

        RebuildProgress progress() {
            long done = Math.max(reached, 0);
            long total = Math.max(head, done);
            Long left = done >= total ? Long.valueOf(0) : rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
            return new RebuildProgress(model.processingGroup(), state, hold, startedAt, finishedAt, done, total,
                                       Math.round(rate * 10) / 10.0, left, letters, error);
        }
    }
}
