package io.alter8.query.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
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
import io.alter8.query.jdbc.VersionedRows;
import io.alter8.query.processing.RebuildableReadModel;
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
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code verification}, one row per property verification, and {@code verification_rating}, the averages of
 * the agents and field executives that owners rated. Verification rows are written through {@link VersionedRows},
 * keyed by id and guarded by the verification's sequence number; ratings are averaged again from the rows after
 * every rating, never counted up, so replays and redeliveries leave the same state. One segment (application.yml):
 * two verifications of the same agent rated in parallel segments could each average without the other's
 * uncommitted rating.
 */
@Component
@ProcessingGroup(VerificationProjector.PROCESSING_GROUP)
class VerificationProjector implements RebuildableReadModel {

    static final String PROCESSING_GROUP = "verifications";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A new field executive starts afresh: their own schedule and start (the aggregate does the same). */
    private static final String IF_SAME_EXECUTIVE =
            "CASE WHEN field_executive_id IS DISTINCT FROM ? THEN NULL ELSE %s END";

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;

    VerificationProjector(VersionedRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VerificationOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        verification(rows.upsert("verification"), event.verificationId(), at)
                .set("property_id", event.propertyId().value())
                .set("owner_id", event.ownerId().value())
                .set("verification_type", event.type().wire())
                .set("status", VerificationStatus.PENDING.wire())
                .set("requested_by", uuid(event.requestedBy()))
                .onCreate("created_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID executive = event.fieldExecutiveId().value();
        verification(rows.update("verification"), event.verificationId(), at)
                .expression("scheduled_at", IF_SAME_EXECUTIVE.formatted("scheduled_at"), executive)
                .expression("started_at", IF_SAME_EXECUTIVE.formatted("started_at"), executive)
                .set("field_executive_id", executive)
                .set("agent_id", uuid(event.agentId()))
                .set("status", event.status().wire())
                .set("assigned_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        verification(rows.update("verification"), event.verificationId(), at)
                .set("scheduled_at", utc(event.scheduledAt()))
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        verification(rows.update("verification"), event.verificationId(), at)
                .set("status", VerificationStatus.IN_PROGRESS.wire())
                .set("started_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VerificationReport report = event.report();
        LegalFindings legal = report.legal();
        verification(rows.update("verification"), event.verificationId(), at)
                .set("status", VerificationStatus.COMPLETED.wire())
                .set("completed_at", utc(at))
                .json("verification_report", JSON.writeValueAsString(report.details()))
                .set("quality_score", report.qualityScore())
                .set("issues_found", array(report.issuesFound()))
                .set("recommendations", array(report.recommendations()))
                .set("verification_media_ids", report.mediaIds().stream().map(MediaId::value).toArray(UUID[]::new))
                .set("legacy_media_urls", array(report.legacyMediaUrls()))
                .set("legal_documents_verified", legal != null && legal.documentsVerified())
                .set("title_clear", legal == null ? null : legal.titleClear())
                .set("legal_issues", legal == null ? null : array(legal.issues()))
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        verification(rows.update("verification"), event.verificationId(), at)
                .set("status", VerificationStatus.REJECTED.wire())
                .set("completed_at", utc(at))
                .set("rejection_reason", event.reason())
                .apply(sequence);
    }

    @EventHandler
    void on(VerificationFeedbackGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        verification(rows.update("verification"), event.verificationId(), at)
                .set("agent_rating", event.agentRating())
                .set("executive_rating", event.executiveRating())
                .set("feedback", event.feedback())
                .apply(sequence);
        if (event.agentId() != null) {
            rate(event.agentId(), Role.AGENT, "agent_id", "agent_rating");
        }
        rate(event.fieldExecutiveId(), Role.FIELD_EXECUTIVE, "field_executive_id", "executive_rating");
    }

    /** The user's average over the latest rating of every verification they were rated in, from scratch. */
    private void rate(UserId user, Role kind, String whoColumn, String ratingColumn) {
        rows.statement("""
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

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("verification", "verification_rating");
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** The verification row's key and the time of the change, which every write carries. */
    private static VersionedRows.Write verification(VersionedRows.Write write, VerificationId id, Instant at) {
        return write.key("id", id.value()).set("updated_at", utc(at));
    }

    private static UUID uuid(UserId user) {
        return user == null ? null : user.value();
    }
}
