package io.alter8.query.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationFeedbackGiven;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.api.verification.VerificationStarted;
import io.alter8.api.verification.VerificationType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector's handlers on the real read database (the same events twice leave the same rows and ratings; late
 * events change nothing), and a reset of the processor on the real event store rebuilding the same answers.
 */
@QuerySideTest
class VerificationProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    VerificationProjector projector;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private static Instant at(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    /** Applies the events with the sequence numbers the aggregate gives them, an hour apart. */
    private void apply(VerificationTestEvents v, List<Object> events) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < events.size(); i++) {
                dispatch(events.get(i), i, at(i));
            }
        });
    }

    private void dispatch(Object event, long sequence, Instant at) {
        if (event instanceof VerificationOpened e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationAssigned e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationScheduled e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationStarted e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationCompleted e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationRejected e) {
            projector.on(e, sequence, at);
        } else if (event instanceof VerificationFeedbackGiven e) {
            projector.on(e, sequence, at);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    /** The row as plain values (arrays as lists), comparable between two reads. */
    private Map<String, Object> row(VerificationTestEvents v) {
        Map<String, Object> row = new LinkedHashMap<>(jdbc.queryForMap("SELECT * FROM verification WHERE id = ?",
                                                                       v.id.value()));
        row.replaceAll((column, value) -> value instanceof Array array ? list(array) : String.valueOf(value));
        return row;
    }

    private static List<Object> list(Array array) {
        try {
            return Arrays.asList((Object[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> rating(UUID user, String kind) {
        return jdbc.queryForMap("SELECT average_rating, total_ratings FROM verification_rating WHERE user_id = ? "
                                        + "AND kind = ?", user, kind);
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRowAndRatings() {
        VerificationTestEvents v = new VerificationTestEvents();
        apply(v, v.visited(4, 5));
        Map<String, Object> once = row(v);
        Map<String, Object> agentOnce = rating(v.agent, "agent");

        apply(v, v.visited(4, 5));

        assertThat(row(v)).isEqualTo(once);
        assertThat(rating(v.agent, "agent")).isEqualTo(agentOnce);
        assertThat(once).containsEntry("status", "completed").containsEntry("verification_type", "legal")
                        .containsEntry("quality_score", "8").containsEntry("title_clear", "true")
                        .containsEntry("issues_found", List.of("damp wall"))
                        .containsEntry("verification_media_ids", List.of(VerificationTestEvents.PHOTO.value()))
                        .containsEntry("legacy_media_urls", List.of())
                        .containsEntry("agent_rating", "4").containsEntry("executive_rating", "5")
                        .containsEntry("version", "5");
        assertThat(once.get("verification_report").toString()).contains("plumbing");
        assertThat(agentOnce).containsEntry("total_ratings", 1);
        assertThat((BigDecimal) agentOnce.get("average_rating")).isEqualByComparingTo("4.00");
    }

    @Test
    void anEventDeliveredLateChangesNothing() {
        VerificationTestEvents v = new VerificationTestEvents();
        apply(v, v.visited(4, 5));
        Map<String, Object> done = row(v);

        tx.executeWithoutResult(s -> projector.on(v.started(), 3, at(3)));

        assertThat(row(v)).isEqualTo(done);
    }

    @Test
    void ratingsAverageTheLatestRatingOfEachVerification() {
        VerificationTestEvents first = new VerificationTestEvents();
        apply(first, first.visited(4, 5));
        VerificationTestEvents second = new VerificationTestEvents();
        List<Object> secondVisit = List.of(second.opened(VerificationType.STANDARD), second.assigned(first.agent),
                                           second.rejected("not as listed"));
        apply(second, secondVisit);
        tx.executeWithoutResult(s -> projector.on(
                new VerificationFeedbackGiven(second.id, new UserId(first.agent), 2, new UserId(second.executive), 3,
                                              null, new UserId(second.owner)), 3, at(3)));
        assertThat((BigDecimal) rating(first.agent, "agent").get("average_rating")).isEqualByComparingTo("3.00");

        // The first owner revises: the latest rating of each verification counts, once.
        tx.executeWithoutResult(s -> projector.on(first.feedback(5, 5), 6, at(6)));

        Map<String, Object> agent = rating(first.agent, "agent");
        assertThat((BigDecimal) agent.get("average_rating")).isEqualByComparingTo("3.50");
        assertThat(agent).containsEntry("total_ratings", 2);
        assertThat(rating(first.executive, "field_executive")).containsEntry("total_ratings", 1);
    }

    @Test
    void resettingTheProcessorRebuildsTheSameVerificationsAndRatings() {
        EventStoreFixture store = EventStoreFixture.shared();
        UUID owner = UUID.randomUUID();
        VerificationTestEvents rated = new VerificationTestEvents(UUID.randomUUID(), owner);
        rated.append(store, rated.visited(3, 4).toArray());
        VerificationTestEvents rejected = new VerificationTestEvents(UUID.randomUUID(), owner);
        rejected.append(store, rejected.opened(VerificationType.STANDARD), rejected.assigned(null),
                        rejected.rejected("no such flat"));
        String head = Long.toString(store.head());
        ApiClient admin = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(),
                                                                                              "admin"));
        ApiClient ownerApi = admin.withToken(TestTokens.mint(owner, "owner"));
        JsonNode before = ownerApi.get("/api/verifications", "X-Await-Position", head).json();
        JsonNode one = admin.get("/api/verifications/" + rated.id).json();
        assertThat(before.path("total").asLong()).isEqualTo(2);
        // A row no event explains must not survive a rebuild.
        jdbc.update("""
                INSERT INTO verification (id, property_id, owner_id, verification_type, status, created_at,
                                          updated_at, version)
                VALUES (?, ?, ?, 'standard', 'pending', now(), now(), 0)""", UUID.randomUUID(), UUID.randomUUID(),
                    owner);

        Rebuilds.rebuild(admin, VerificationProjector.PROCESSING_GROUP, head);

        assertThat(ownerApi.get("/api/verifications").json()).isEqualTo(before);
        assertThat(admin.get("/api/verifications/" + rated.id).json()).isEqualTo(one);
        assertThat((BigDecimal) rating(rated.agent, "agent").get("average_rating")).isEqualByComparingTo("3.00");
    }
}
