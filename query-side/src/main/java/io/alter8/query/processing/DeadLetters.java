package io.alter8.query.processing;

import io.alter8.api.common.PageView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The events each read model could not process, parked in its dead-letter queue: listed, retried and evicted by
 * operators ({@link DeadLetterController}), counted in the processor status. Listing and counting read the queue's
 * table directly (pageable, one query); retrying and evicting go through Axon, which keeps each aggregate's letters
 * in order and claims a sequence while it is retried.
 */
@Component
public class DeadLetters {

    /**
     * One parked event. {@code sequence} is the aggregate whose later events wait behind it; {@code index} its place in
     * that queue. The cause is the innermost error's message (the database's, say).
     */
    public record DeadLetterView(String id, String processingGroup, String sequence, long index, String eventId,
                                 String eventType, String aggregateType, Long aggregateSequence, Instant enqueuedAt,
                                 Instant lastTouched, String causeType, String causeMessage) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public boolean isProcessingGroup(String group) {
        // The queue provider answers any name; only a group that has a processor is one.
        return processing.eventProcessorByProcessingGroup(group).isPresent()
                && processing.deadLetterQueue(group).isPresent();
    }

    /**
     * Dead letters per processing group; groups without any are absent. While the read database is unreachable,
     * every group the processors know shows -1 (unknown), so that the status can still say the rest.
     */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        try {
            jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                       rs -> {
                           counts.put(rs.getString(1), rs.getLong(2));
                       });
        } catch (DataAccessException e) {
            processing.eventProcessors().keySet().forEach(name -> counts.put(name, -1L));
        }
        return counts;
    }

    /** A group's dead letters, oldest sequence first and each sequence in order. */
    public PageView<DeadLetterView> list(String group, int page, int size) {
        List<DeadLetterView> items = jdbc.query("""
                SELECT dead_letter_id, processing_group, sequence_identifier, sequence_index, event_identifier,
                       payload_type, type, sequence_number, enqueued_at, last_touched, cause_type, cause_message
                FROM dead_letter_entry WHERE processing_group = ?
                ORDER BY enqueued_at, sequence_identifier, sequence_index
                LIMIT ? OFFSET ?""", (rs, row) -> new DeadLetterView(
                rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("event_identifier"),
                simpleName(rs.getString("payload_type")), rs.getString("type"),
                (Long) rs.getObject("sequence_number"), instant(rs.getString("enqueued_at")),
                instant(rs.getString("last_touched")), simpleName(rs.getString("cause_type")),
                rs.getString("cause_message")), group, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                                         Long.class, group);
        return new PageView<>(items, page, size, total == null ? 0 : total);
    }

    /**
     * Processes the letter's sequence again from its first letter, in order, in the read model's transaction: what
     * succeeds leaves the queue, the first failure stays with its cause updated (and those behind it). Empty if the
     * group has no such letter; otherwise whether the sequence was taken (false while another retry holds it).
     */
    public Optional<Boolean> retry(String group, String id) {
        Optional<String> sequence = sequenceOf(group, id);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(group);
        if (sequence.isEmpty() || processor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(processor.get().process(
                letter -> sequence.get().equals(((JdbcDeadLetter<?>) letter).getSequenceIdentifier())));
    }

    /** Removes one letter for good (the read model will never see that event); false if there is no such letter. */
    public boolean evict(String group, String id) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        Optional<String> sequence = sequenceOf(group, id);
        if (queue.isEmpty() || sequence.isEmpty()) {
            return false;
        }
        Optional<DeadLetter<? extends EventMessage<?>>> letter =
                StreamSupport.stream(queue.get().deadLetterSequence(sequence.get()).spliterator(), false)
                             .filter(l -> id.equals(((JdbcDeadLetter<?>) l).getIdentifier()))
                             .findFirst();
        letter.ifPresent(l -> queue.get().evict(l));
        return letter.isPresent();
    }

    private Optional<String> sequenceOf(String group, String id) {
        return jdbc.query("SELECT sequence_identifier FROM dead_letter_entry WHERE processing_group = ? "
                                  + "AND dead_letter_id = ?", (rs, row) -> rs.getString(1), group, id)
                   .stream().findFirst();
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
