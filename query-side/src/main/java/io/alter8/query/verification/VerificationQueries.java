package io.alter8.query.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Role;
import io.alter8.api.verification.FindVerificationById;
import io.alter8.api.verification.FindVerifications;
import io.alter8.api.verification.LegalFindings;
import io.alter8.api.verification.PropertyVerificationView;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.textArray;
import static io.alter8.query.jdbc.Sql.user;
import static io.alter8.query.jdbc.Sql.uuid;

/**
 * Answers the verification queries from {@code verification}. A property manager's verifications are those of the
 * properties the catalog ({@code property_listing}) says they manage; the other narrowings are columns of the row.
 */
@Component
public class VerificationQueries {

    /** The read model these answers come from, which the agent directory's ratings come from too. */
    public static final String PROCESSING_GROUP = VerificationProjector.PROCESSING_GROUP;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    VerificationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<PropertyVerificationView> handle(FindVerificationById query) {
        return jdbc.query("SELECT * FROM verification WHERE id = ?", (rs, row) -> view(rs),
                          query.verificationId().value()).stream().findFirst();
    }

    @QueryHandler
    PageView<PropertyVerificationView> handle(FindVerifications query) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.add("v.status = ?");
            args.add(query.status().wire());
        }
        if (query.type() != null) {
            where.add("v.verification_type = ?");
            args.add(query.type().wire());
        }
        if (query.propertyId() != null) {
            where.add("v.property_id = ?");
            args.add(query.propertyId().value());
        }
        if (query.visibleTo() != null) {
            where.add(narrowing(query.visibleAs()));
            args.add(query.visibleTo().value());
        }
        String from = " FROM verification v" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<PropertyVerificationView> items = jdbc.query(
                "SELECT v.*" + from + " ORDER BY v.created_at DESC, v.id LIMIT ? OFFSET ?", (rs, row) -> view(rs),
                pageArgs.toArray());
        long total = items.size() < query.size() && (query.page() == 0 || !items.isEmpty())
                ? (long) query.page() * query.size() + items.size()
                : jdbc.queryForObject("SELECT count(*)" + from, Long.class, args.toArray());
        return new PageView<>(items, query.page(), query.size(), total);
    }

    /** Whether the user manages the property, as the catalog knows it. */
    boolean manages(UUID user, PropertyId property) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM property_listing WHERE id = ? AND property_manager_id = ?)",
                Boolean.class, property.value(), user));
    }

    /** The condition, with one parameter (the user), that narrows the rows to what one role of them may see. */
    private static String narrowing(Role role) {
        return switch (role) {
            case FIELD_EXECUTIVE -> "v.field_executive_id = ?";
            case AGENT -> "v.agent_id = ?";
            case OWNER -> "v.owner_id = ?";
            case PROPERTY_MANAGER -> "v.property_id IN (SELECT l.id FROM property_listing l"
                    + " WHERE l.property_manager_id = ?)";
            default -> throw new IllegalArgumentException("no verifications are narrowed for " + role.wire());
        };
    }

    private static PropertyVerificationView view(ResultSet rs) throws SQLException {
        Integer score = (Integer) rs.getObject("quality_score");
        VerificationReport report = score == null ? null : new VerificationReport(
                score, textArray(rs, "issues_found"), textArray(rs, "recommendations"), mediaIds(rs),
                details(rs.getString("verification_report")), legal(rs), textArray(rs, "legacy_media_urls"));
        Integer executiveRating = (Integer) rs.getObject("executive_rating");
        PropertyVerificationView.Feedback feedback = executiveRating == null ? null
                : new PropertyVerificationView.Feedback((Integer) rs.getObject("agent_rating"), executiveRating,
                                                        rs.getString("feedback"));
        return new PropertyVerificationView(
                new VerificationId(uuid(rs, "id")), new PropertyId(uuid(rs, "property_id")),
                user(rs, "owner_id"), VerificationType.fromWire(rs.getString("verification_type")),
                VerificationStatus.fromWire(rs.getString("status")), user(rs, "field_executive_id"),
                user(rs, "agent_id"), user(rs, "requested_by"), instant(rs, "created_at"),
                instant(rs, "assigned_at"), instant(rs, "scheduled_at"), instant(rs, "started_at"),
                instant(rs, "completed_at"), report, rs.getString("rejection_reason"), feedback,
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static List<MediaId> mediaIds(ResultSet rs) throws SQLException {
        java.sql.Array ids = rs.getArray("verification_media_ids");
        return ids == null ? List.of() : Arrays.stream((UUID[]) ids.getArray()).map(MediaId::new).toList();
    }

    /** Legal findings once anything legal was reported (a legal verification always reports them). */
    private static LegalFindings legal(ResultSet rs) throws SQLException {
        Boolean titleClear = (Boolean) rs.getObject("title_clear");
        boolean documents = rs.getBoolean("legal_documents_verified");
        java.sql.Array issues = rs.getArray("legal_issues");
        if (titleClear == null && !documents && issues == null) {
            return null;
        }
        return new LegalFindings(documents, titleClear, textArray(rs, "legal_issues"));
    }

    private static Map<String, String> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, DETAILS);
    }
}
