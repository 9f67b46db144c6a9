package io.alter8.query.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.PageView;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentView;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.FindAgents;
import io.alter8.api.user.FindUserById;
import io.alter8.api.user.FindUsers;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserView;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.integer;
import static io.alter8.query.jdbc.Sql.uuid;

/**
 * Answers the user and agent directory queries (Axon query handlers; the REST controller calls them directly) from
 * {@code user_directory} ({@link UserDirectoryProjector} writes it). {@code version} is the sequence number of the
 * last event applied. Identity numbers and bank account exist there only masked. Ratings of agents and field
 * executives are read from the verifications read model ({@code verification_rating}, kept by
 * {@code VerificationProjector}), which owns them: the user's row is not rewritten when someone is rated. Who may ask
 * is the controller's business: these answer whatever they are asked.
 */
@Component
class UserDirectoryQueries {

    /** API sort names and the columns behind them. */
    static final Map<String, String> USER_SORTS = Map.of(
            "registeredAt", "u.registered_at", "lastName", "u.last_name", "lastLoginAt", "u.last_login_at");
    static final Map<String, String> AGENT_SORTS = Map.of(
            "rating", "r.average_rating", "experienceYears", "u.agent_experience_years",
            "registeredAt", "u.registered_at");

    /**
     * {@link UserView#verified()}, computed by the database where it is read and filtered on, so that the rule is
     * written once: the role's review passed (the values are {@code KycStatus.VERIFIED},
     * {@code AgentVerificationStatus.VERIFIED}, {@code CheckStatus.PASSED}); other roles, both contacts verified.
     */
    private static final String VERIFIED = """
            (CASE u.role WHEN 'owner' THEN coalesce(u.owner_kyc_status = 'verified', false)
                         WHEN 'agent' THEN coalesce(u.agent_verification_status = 'verified', false)
                         WHEN 'tenant' THEN coalesce(u.tenant_background_check_status = 'passed', false)
                         ELSE u.email_verified AND u.phone_verified END)""";
    /** The ratings of the user's role (agents, field executives), none while nobody rated. */
    private static final String FROM = """
             FROM user_directory u
            LEFT JOIN verification_rating r ON r.user_id = u.id AND r.kind = u.role""";
    private static final String SELECT = "SELECT u.*, " + VERIFIED + " AS verified, r.average_rating, "
            + "r.total_ratings" + FROM;

    private final JdbcTemplate jdbc;

    UserDirectoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<UserView> handle(FindUserById query) {
        return jdbc.query(SELECT + " WHERE u.id = ?", UserDirectoryQueries::user, query.userId().value()).stream()
                   .findFirst();
    }

    @QueryHandler
    PageView<UserView> handle(FindUsers query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.role() != null) {
            where.append(" AND u.role = ?");
            args.add(query.role().wire());
        }
        if (query.status() != null) {
            where.append(" AND u.status = ?");
            args.add(query.status().wire());
        }
        if (query.emailVerified() != null) {
            where.append(" AND u.email_verified = ?");
            args.add(query.emailVerified());
        }
        if (query.phoneVerified() != null) {
            where.append(" AND u.phone_verified = ?");
            args.add(query.phoneVerified());
        }
        if (query.verified() != null) {
            where.append(" AND ").append(VERIFIED).append(" = ?");
            args.add(query.verified());
        }
        if (query.erasureRequested() != null) {
            where.append(" AND (u.erasure_requested_at IS NOT NULL) = ?");
            args.add(query.erasureRequested());
        }
        if (query.text() != null) {
            String like = "%" + Keys.escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (lower(u.first_name) LIKE ? ESCAPE '\\' OR lower(u.last_name) LIKE ? ESCAPE '\\' ")
                 .append("OR lower(u.email) LIKE ? ESCAPE '\\')");
            args.addAll(List.of(like, like, like));
        }
        return page(where.toString(), args, USER_SORTS.get(query.sort()), query.ascending(), "", query.page(),
                    query.size(), UserDirectoryQueries::user);
    }

    /**
     * Agents by rating tie on their average by the number of ratings, then by experience (the order before anyone
     * was rated), most first.
     */
    @QueryHandler
    PageView<AgentView> handle(FindAgents query) {
        StringBuilder where = new StringBuilder(
                " WHERE u.role = ? AND u.status = ? AND u.agent_verification_status = ?");
        List<Object> args = new ArrayList<>(List.of(Role.AGENT.wire(), AccountStatus.ACTIVE.wire(),
                                                    AgentVerificationStatus.VERIFIED.wire()));
        if (query.city() != null) {
            where.append(" AND u.agent_service_cities LIKE ? ESCAPE '\\'");
            args.add(Keys.pattern(query.city()));
        }
        if (query.specialisation() != null) {
            where.append(" AND u.agent_specialisations LIKE ? ESCAPE '\\'");
            args.add(Keys.pattern(query.specialisation()));
        }
        String then = "rating".equals(query.sort())
                ? ", r.total_ratings DESC NULLS LAST, u.agent_experience_years DESC NULLS LAST" : "";
        return page(where.toString(), args, AGENT_SORTS.get(query.sort()), query.ascending(), then, query.page(),
                    query.size(), UserDirectoryQueries::agent);
    }

    private <T> PageView<T> page(String where, List<Object> args, String sortColumn, boolean ascending, String then,
                                 int page, int size, RowMapper<T> view) {
        // Never-logged-in users, agents without a stated experience and unrated agents go last either way.
        String order = " ORDER BY " + sortColumn + (ascending ? " ASC" : " DESC") + " NULLS LAST" + then + ", u.id";
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<T> items = jdbc.query(SELECT + where + order + " LIMIT ? OFFSET ?", view, paged.toArray());
        return new PageView<>(items, page, size, Paging.total(
                items.size(), page, size,
                () -> jdbc.queryForObject("SELECT count(*)" + FROM + where, Long.class, args.toArray())));
    }

    private static UserView user(ResultSet rs, int row) throws SQLException {
        Role role = Role.fromWire(rs.getString("role"));
        UserView.Owner owner = role != Role.OWNER ? null : new UserView.Owner(
                parse(rs, "owner_kyc_status", KycStatus::fromWire), rs.getString("owner_company_name"),
                parse(rs, "owner_business_type", BusinessType::fromWire), rs.getString("owner_pan_masked"),
                rs.getString("owner_aadhaar_masked"), rs.getString("owner_gst_masked"),
                rs.getString("owner_bank_account_masked"));
        UserView.Agent agent = role != Role.AGENT ? null : new UserView.Agent(
                rs.getString("agent_rera_licence"), rs.getObject("agent_licence_expiry", LocalDate.class),
                parse(rs, "agent_verification_status", AgentVerificationStatus::fromWire),
                rs.getString("agent_agency_name"), ServiceAreas.fromJson(rs.getString("agent_service_areas")),
                Keys.split(rs.getString("agent_specialisations")), rs.getBigDecimal("agent_commission_rate"),
                parse(rs, "agent_commission_type", CommissionType::fromWire), integer(rs, "agent_experience_years"));
        UserView.Tenant tenant = role != Role.TENANT ? null : new UserView.Tenant(
                parse(rs, "tenant_background_check_status", CheckStatus::fromWire),
                parse(rs, "tenant_credit_check_status", CheckStatus::fromWire), rs.getString("tenant_aadhaar_masked"),
                rs.getString("tenant_pan_masked"), rs.getString("tenant_ssn_masked"));
        // How owners rated an agent or field executive in property verifications; nothing for other roles.
        UserView.Ratings ratings = role != Role.AGENT && role != Role.FIELD_EXECUTIVE ? null
                : new UserView.Ratings(rating(rs), ratingCount(rs));
        return new UserView(new UserId(uuid(rs, "id")), rs.getString("email"), rs.getString("phone_masked"),
                            rs.getString("first_name"), rs.getString("last_name"), role,
                            Country.fromWire(rs.getString("country")), rs.getString("preferred_language"),
                            AccountStatus.fromWire(rs.getString("status")), rs.getBoolean("email_verified"),
                            instant(rs, "email_verified_at"), rs.getBoolean("phone_verified"),
                            instant(rs, "phone_verified_at"), rs.getBoolean("verified"), instant(rs, "registered_at"),
                            instant(rs, "last_login_at"), instant(rs, "erasure_requested_at"), owner, agent, tenant,
                            ratings, rs.getLong("version"));
    }

    private static AgentView agent(ResultSet rs, int row) throws SQLException {
        return new AgentView(new UserId(uuid(rs, "id")), rs.getString("first_name"), rs.getString("last_name"),
                             rs.getString("phone_masked"), rs.getString("agent_rera_licence"),
                             rs.getObject("agent_licence_expiry", LocalDate.class), rs.getString("agent_agency_name"),
                             ServiceAreas.fromJson(rs.getString("agent_service_areas")),
                             Keys.split(rs.getString("agent_specialisations")),
                             rs.getBigDecimal("agent_commission_rate"),
                             parse(rs, "agent_commission_type", CommissionType::fromWire),
                             integer(rs, "agent_experience_years"), rating(rs), ratingCount(rs));
    }

    private static BigDecimal rating(ResultSet rs) throws SQLException {
        return rs.getBigDecimal("average_rating");
    }

    private static int ratingCount(ResultSet rs) throws SQLException {
        return rs.getInt("total_ratings");
    }

    private static <T> T parse(ResultSet rs, String column, Function<String, T> fromWire) throws SQLException {
        String wire = rs.getString(column);
        return wire == null ? null : fromWire.apply(wire);
    }
}
