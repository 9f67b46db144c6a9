package io.alter8.query.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;
import io.alter8.api.verification.LegalFindings;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationFeedbackGiven;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.api.verification.VerificationStarted;
import io.alter8.api.verification.VerificationStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code verification}, one row per property verification, and {@code verification_rating}, the averages of
 * the agents and field executives that owners rated. Rows are upserted by id and guarded by the verification's
 * sequence number ({@code version < sequence}); ratings are averaged again from the rows after every rating, never
 * counted up, so replays and redeliveries leave the same state. One segment (application.yml): two verifications
 * of the same agent rated in parallel segments could each average without the other's uncommitted rating.
 */
@Component
@ProcessingGroup(VerificationProjector.PROCESSING_GROUP)
class VerificationProjector {

    static final String PROCESSING_GROUP = "verifications";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GUARD = " WHERE id = ? AND version < ?";

    private final JdbcTemplate jdbc;

    VerificationProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VerificationOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO verification (id, property_id, owner_id, verification_type, status, requested_by,
                                          created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                    event.verificationId().value(), event.propertyId().value(), event.ownerId().value(),
                    event.type().wire(), VerificationStatus.PENDING.wire(), uuid(event.requestedBy()), utc(at), utc(at),
                    sequence);
    }

    @EventHandler
    void on(VerificationAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // A new field executive starts afresh: their own schedule and start (the aggregate does the same).
        jdbc.update("""
                UPDATE verification SET
                    scheduled_at = CASE WHEN field_executive_id IS DISTINCT FROM ? THEN NULL ELSE scheduled_at END,
                    started_at = CASE WHEN field_executive_id IS DISTINCT FROM ? THEN NULL ELSE started_at END,
                    field_executive_id = ?, agent_id = ?, status = ?, assigned_at = ?, updated_at = ?, version = ?
                """ + GUARD,
                    event.fieldExecutiveId().value(), event.fieldExecutiveId().value(),
                    event.fieldExecutiveId().value(), uuid(event.agentId()), event.status().wire(), utc(at), utc(at),
                    sequence, event.verificationId().value(), sequence);
    }

    @EventHandler
    void on(VerificationScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE verification SET scheduled_at = ?, updated_at = ?, version = ?" + GUARD,
                    utc(event.scheduledAt()), utc(at), sequence, event.verificationId().value(), sequence);
    }

    @EventHandler
    void on(VerificationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("UPDATE verification SET status = ?, started_at = ?, updated_at = ?, version = ?" + GUARD,
                    VerificationStatus.IN_PROGRESS.wire(), utc(at), utc(at), sequence,
                    event.verificationId().value(), sequence);
    }

    @EventHandler
    void on(VerificationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VerificationReport report = event.report();
        LegalFindings legal = report.legal();
        jdbc.update("""
                UPDATE verification SET status = ?, completed_at = ?, verification_report = ?::jsonb,
                    quality_score = ?, issues_found = ?, recommendations = ?, verification_photos = ?,
                    verification_video_url = ?, virtual_tour_url = ?, legal_documents_verified = ?, title_clear = ?,
                    legal_issues = ?, updated_at = ?, version = ?
                """ + GUARD,
                    VerificationStatus.COMPLETED.wire(), utc(at), JSON.writeValueAsString(report.details()),
                    report.qualityScore(), array(report.issuesFound()), array(report.recommendations()),
                    array(report.photoUrls()), report.videoUrl(), report.virtualTourUrl(),
                    legal != null && legal.documentsVerified(), legal == null ? null : legal.titleClear(),
                    legal == null ? null : array(legal.issues()), utc(at), sequence, event.verificationId().value(),
                    sequence);
    }

    @EventHandler
    void on(VerificationRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE verification SET status = ?, completed_at = ?, rejection_reason = ?, updated_at = ?, version = ?
                """ + GUARD,
                    VerificationStatus.REJECTED.wire(), utc(at), event.reason(), utc(at), sequence,
                    event.verificationId().value(), sequence);
    }

    @EventHandler
    void on(VerificationFeedbackGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE verification SET agent_rating = ?, executive_rating = ?, feedback = ?, updated_at = ?,
                    version = ?
                """ + GUARD,
                    event.agentRating(), event.executiveRating(), event.feedback(), utc(at), sequence,
                    event.verificationId().value(), sequence);
        if (event.agentId() != null) {
            rate(event.agentId(), Role.AGENT, "agent_id", "agent_rating");
        }
        rate(event.fieldExecutiveId(), Role.FIELD_EXECUTIVE, "field_executive_id", "executive_rating");
    }

    /** The user's average over the latest rating of every verification they were rated in, from scratch. */
    private void rate(UserId user, Role kind, String whoColumn, String ratingColumn) {
        jdbc.update("""
                INSERT INTO verification_rating (user_id, kind, average_rating, total_ratings)
                SELECT ?, ?, round(avg(%2$s), 2), count(%2$s) FROM verification WHERE %1$s = ?
                ON CONFLICT (user_id, kind) DO UPDATE
                    SET average_rating = EXCLUDED.average_rating, total_ratings = EXCLUDED.total_ratings"""
                            .formatted(whoColumn, ratingColumn),
                    user.value(), kind.wire(), user.value());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM verification_rating");
        jdbc.update("DELETE FROM verification");
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static java.util.UUID uuid(UserId user) {
        return user == null ? null : user.value();
    }
}
