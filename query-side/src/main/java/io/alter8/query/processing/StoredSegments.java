package io.alter8.query.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segments of each processor as the token store has them: every segment that exists, whoever holds it, and
 * where its stored token stands. The processors' in-memory status lists only the segments this instance holds at
 * the moment; a segment released after an error drops out of it, and a minimum over what is left would claim a
 * position the read model has not reached.
 */
@Component
class StoredSegments {

    /** A segment in the token store: its stored position (-1 before the first event) and its owner, if claimed. */
    record Stored(long position, String owner) {
    }

    private static final long COUNT_TTL_MILLIS = 1_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    StoredSegments(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** How many segments the processor has; read at most once a second, as it changes only by split or merge. */
    int count(String processor) {
        long now = System.currentTimeMillis();
        long[] cached = counts.get(processor);
        if (cached != null && now - cached[1] < COUNT_TTL_MILLIS) {
            return (int) cached[0];
        }
        int value;
        try {
            Integer count = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                                                Integer.class, processor);
            value = count == null ? 0 : count;
        } catch (DataAccessException e) {
            // The read database is unreachable: the segments held here are all this instance can know. Positions
            // are asked for by cached answers too, which must not fail for it.
            return cached == null ? 0 : (int) cached[0];
        }
        counts.put(processor, new long[]{value, now});
        return value;
    }

    /** Every segment in the token store; none while the read database is unreachable. */
    Map<Integer, Stored> read(String processor) {
        Map<Integer, Stored> segments = new TreeMap<>();
        try {
            jdbc.query("SELECT segment, token, token_type, owner FROM token_entry WHERE processor_name = ?", rs -> {
                segments.put(rs.getInt("segment"), new Stored(position(rs.getBytes("token"),
                                                                       rs.getString("token_type")).orElse(-1),
                                                              rs.getString("owner")));
            }, processor);
        } catch (DataAccessException e) {
            return Map.of();
        }
        return segments;
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
