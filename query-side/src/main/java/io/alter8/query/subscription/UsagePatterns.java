package io.alter8.query.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records usage patterns (management model {@code usage_patterns}: feature use, page views, logins) in MongoDB, one
 * document per user, off the request path: {@link #record} only offers to a bounded queue and never waits; when the
 * queue is full the signal is dropped and counted ({@code alter8.usage_patterns.dropped}). One writer thread
 * drains the queue in batches: it gathers what arrives within {@code alter8.usage-patterns.flush-interval} (at most
 * {@value #BATCH} signals), reads the documents of the batch's users in one query, merges every signal into its
 * user's document in memory and writes them back in one bulk request. One read and one write per batch, not per
 * signal: a signal per command and a find and a replace each made this thread the query side's busiest. Feature
 * uses and logins carry the id of the event they come from, kept among the document's recent ones, so an event
 * delivered again is not counted twice. The history kept is bounded: the last {@value #KEPT} logins and actions of
 * each feature.
 */
@Component
class UsagePatterns implements SmartLifecycle {

    static final String COLLECTION = "usage_patterns";
    static final int KEPT = 50;
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(UsagePatterns.class);

    /** One thing to record; {@code eventId} null for page views, which come from requests. */
    sealed interface Signal {

        UUID userId();
    }

    record PageView(UUID userId, String sessionId, String page, Instant at, long durationMillis) implements Signal {
    }

    record FeatureUse(UUID userId, String featureId, String actionType, Instant at, String eventId) implements Signal {
    }

    record Login(UUID userId, Instant at, String ipAddress, String eventId) implements Signal {
    }

    private final MongoTemplate mongo;
    private final BlockingQueue<Signal> queue;
    private final Duration flushInterval;
    private final AtomicLong dropped = new AtomicLong();
    private final Counter droppedCounter;
    private volatile Thread writer;

    UsagePatterns(MongoTemplate mongo, MeterRegistry meters,
                  @Value("${alter8.usage-patterns.queue-capacity:10000}") int capacity,
                  @Value("${alter8.usage-patterns.flush-interval:200ms}") Duration flushInterval) {
        this.mongo = mongo;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushInterval = flushInterval;
        this.droppedCounter = Counter.builder("alter8.usage_patterns.dropped")
                                     .description("usage signals dropped because the queue was full")
                                     .register(meters);
    }

    /** Queues {@code signal} for the writer; never blocks. False (and counted) when the queue is full. */
    boolean record(Signal signal) {
        if (queue.offer(signal)) {
            return true;
        }
        dropped.incrementAndGet();
        droppedCounter.increment();
        return false;
    }

    long dropped() {
        return dropped.get();
    }

    /** Signals waiting for the writer. */
    int pending() {
        return queue.size();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::drain, "usage-patterns-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    private void drain() {
        while (writer == Thread.currentThread()) {
            try {
                Signal first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Signal> batch = new ArrayList<>(List.of(first));
                long deadline = System.nanoTime() + flushInterval.toNanos();
                while (batch.size() < BATCH) {
                    queue.drainTo(batch, BATCH - batch.size());
                    long left = deadline - System.nanoTime();
                    Signal next = batch.size() < BATCH && left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable or refusing: these signals are lost, the next ones are tried again.
                log.warn("Usage patterns not written: {}", e.getMessage());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    /** Merges a batch into its users' documents: one read, one bulk write (only this thread writes them). */
    private void write(List<Signal> batch) {
        Map<String, List<Signal>> byUser = new LinkedHashMap<>();
        batch.forEach(signal -> byUser.computeIfAbsent(signal.userId().toString(), u -> new ArrayList<>())
                                      .add(signal));
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(byUser.keySet())), Document.class, COLLECTION)
             .forEach(doc -> stored.put(doc.getString("_id"), doc));
        Date now = new Date();
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byUser.forEach((user, signals) -> {
            Document doc = merged(stored.get(user), user, signals, now);
            writes.replaceOne(Query.query(Criteria.where("_id").is(user)), doc,
                              FindAndReplaceOptions.options().upsert());
        });
        writes.execute();
    }

    /**
     * {@code stored} (null: a new user's document) with {@code signals} merged in order, as of {@code now}; a
     * feature use or login whose event is already among the kept ones counts once.
     */
    static Document merged(Document stored, String userId, List<Signal> signals, Date now) {
        Document doc = stored != null ? stored
                : new Document("_id", userId).append("userId", userId)
                                             .append("features", new ArrayList<Document>())
                                             .append("pageViews", new ArrayList<Document>())
                                             .append("loginHistory", new ArrayList<Document>())
                                             .append("createdAt", now);
        for (Signal signal : signals) {
            if (signal instanceof PageView view) {
                pageView(doc, view);
            } else if (signal instanceof FeatureUse use) {
                featureUse(doc, use);
            } else if (signal instanceof Login login) {
                login(doc, login);
            }
        }
        doc.put("updatedAt", now);
        return doc;
    }

    private static void pageView(Document doc, PageView view) {
        if (view.sessionId() != null) {
            doc.put("sessionId", view.sessionId());
        }
        Document page = entry(doc.getList("pageViews", Document.class), "page", view.page());
        long count = page.get("viewCount", 0L) + 1;
        double average = page.get("averageDuration", 0.0);
        page.put("viewCount", count);
        page.put("lastViewed", Date.from(view.at()));
        page.put("averageDuration", average + (view.durationMillis() - average) / count);
    }

    private static void featureUse(Document doc, FeatureUse use) {
        Document feature = entry(doc.getList("features", Document.class), "featureId", use.featureId());
        List<Document> actions = feature.getList("actions", Document.class, new ArrayList<>());
        if (actions.stream().anyMatch(a -> use.eventId().equals(a.get("metadata", new Document()).get("eventId")))) {
            return;
        }
        actions.add(new Document("actionType", use.actionType())
                            .append("timestamp", Date.from(use.at()))
                            .append("metadata", new Document("eventId", use.eventId())));
        feature.put("actions", new ArrayList<>(actions.subList(Math.max(0, actions.size() - KEPT), actions.size())));
        feature.put("usageCount", feature.get("usageCount", 0L) + 1);
        feature.put("lastUsed", Date.from(use.at()));
    }

    private static void login(Document doc, Login login) {
        List<Document> history = doc.getList("loginHistory", Document.class);
        if (history.stream().anyMatch(l -> login.eventId().equals(l.get("eventId")))) {
            return;
        }
        history.add(new Document("timestamp", Date.from(login.at())).append("ipAddress", login.ipAddress())
                                                                     .append("eventId", login.eventId()));
        doc.put("loginHistory", new ArrayList<>(history.subList(Math.max(0, history.size() - KEPT), history.size())));
    }

    /** The element of {@code list} whose {@code key} is {@code value}, added if missing. */
    private static Document entry(List<Document> list, String key, String value) {
        for (Document element : list) {
            if (value.equals(element.get(key))) {
                return element;
            }
        }
        Document element = new Document(key, value);
        list.add(element);
        return element;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
