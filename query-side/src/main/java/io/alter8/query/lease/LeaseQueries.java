package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.FindLeaseById;
import io.alter8.api.lease.FindLeases;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseView;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Answers lease queries from {@code lease} and {@code lease_tenant}. Who may ask for what is the caller's business. */
@Component
class LeaseQueries {

    /** The leases someone is party to, as owner, agent, manager or tenant (the parameter, four times). */
    private static final String PARTY = " AND (l.owner_id = ? OR l.agent_id = ? OR l.manager_id = ? OR EXISTS "
            + "(SELECT 1 FROM lease_tenant t WHERE t.lease_id = l.id AND t.tenant_id = ?))";

    private final JdbcTemplate jdbc;

    LeaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<LeaseView> handle(FindLeaseById query) {
        List<LeaseView> found = views("SELECT * FROM lease l WHERE l.id = ?", query.leaseId().value());
        return found.stream().findFirst();
    }

    /** Whether the user is party to the lease: its owner, agent, manager or one of its tenants. */
    boolean isParty(UUID user, LeaseView lease) {
        return user.equals(value(lease.ownerId())) || user.equals(value(lease.agentId()))
                || user.equals(value(lease.managerId()))
                || lease.tenants().stream().anyMatch(t -> t.tenantId().value().equals(user));
    }

    @QueryHandler
    PageView<LeaseView> handle(FindLeases query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (query.partyId() != null) {
            where.append(PARTY);
            UUID party = query.partyId().value();
            args.addAll(List.of(party, party, party, party));
        }
        if (query.propertyId() != null) {
            where.append(" AND l.property_id = ?");
            args.add(query.propertyId().value());
        }
        if (query.status() != null) {
            where.append(" AND l.status = ?");
            args.add(query.status().wire());
        }
        if (query.application() != null) {
            where.append(" AND l.application = ?");
            args.add(query.application());
        }
        List<Object> paged = new ArrayList<>(args);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<LeaseView> items = views("SELECT * FROM lease l" + where
                                              + " ORDER BY l.created_at DESC, l.id LIMIT ? OFFSET ?", paged.toArray());
        return new PageView<>(items, query.page(), query.size(), Paging.total(
                items.size(), query.page(), query.size(),
                () -> jdbc.queryForObject("SELECT count(*) FROM lease l" + where, Long.class, args.toArray())));
    }

    /** The leases the SQL selects, in its order, each with its tenants (one more query for all of them). */
    private List<LeaseView> views(String sql, Object... args) {
        List<LeaseRow> rows = jdbc.query(sql, (rs, i) -> row(rs), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LeaseView.Tenant>> tenants = new HashMap<>();
        jdbc.query("SELECT * FROM lease_tenant WHERE lease_id = ANY (?) ORDER BY lease_id, position",
                   rs -> {
                       tenants.computeIfAbsent(rs.getObject("lease_id", UUID.class), id -> new ArrayList<>())
                              .add(new LeaseView.Tenant(new UserId(rs.getObject("tenant_id", UUID.class)),
                                                        rs.getBoolean("is_primary"), instant(rs, "approved_at"),
                                                        rs.getString("signature_url"), instant(rs, "signed_at")));
                   },
                   (Object) rows.stream().map(LeaseRow::id).toArray(UUID[]::new));
        return rows.stream().map(row -> row.view(tenants.getOrDefault(row.id(), List.of()))).toList();
    }

    /** A lease row before its tenants are added. */
    private record LeaseRow(UUID id, java.util.function.Function<List<LeaseView.Tenant>, LeaseView> viewWith) {

        LeaseView view(List<LeaseView.Tenant> tenants) {
            return viewWith.apply(tenants);
        }
    }

    private static LeaseRow row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String currency = rs.getString("currency");
        LeaseTerms terms = new LeaseTerms(
                rs.getObject("lease_start_date", LocalDate.class), rs.getObject("lease_end_date", LocalDate.class),
                rs.getInt("notice_period_days"), rs.getBoolean("renewal_option"), rs.getBoolean("auto_renewal"),
                money(rs, "monthly_rent", currency), money(rs, "security_deposit", currency),
                money(rs, "maintenance_charge", currency), money(rs, "brokerage_amount", currency),
                rs.getBigDecimal("annual_rent_increase_percent"),
                rs.getObject("next_rent_review_date", LocalDate.class),
                AgreementType.fromWire(rs.getString("agreement_type")), strings(rs.getArray("special_terms")));
        UUID rejectedBy = rs.getObject("rejected_by", UUID.class);
        LeaseView.Rejection rejection = rejectedBy == null ? null
                : new LeaseView.Rejection(new UserId(rejectedBy), rs.getString("rejection_reason"));
        LocalDate terminated = rs.getObject("termination_date", LocalDate.class);
        LeaseView.Termination termination = terminated == null ? null
                : new LeaseView.Termination(terminated, rs.getString("termination_reason"),
                                            rs.getObject("termination_notice_date", LocalDate.class),
                                            money(rs, "early_termination_penalty", currency));
        PropertyId property = new PropertyId(rs.getObject("property_id", UUID.class));
        UnitId unit = new UnitId(rs.getObject("unit_id", UUID.class));
        UserId owner = new UserId(rs.getObject("owner_id", UUID.class));
        UserId agent = user(rs, "agent_id");
        UserId manager = user(rs, "manager_id");
        UserId proposedBy = new UserId(rs.getObject("proposed_by", UUID.class));
        boolean application = rs.getBoolean("application");
        LeaseStatus status = LeaseStatus.fromWire(rs.getString("status"));
        LeaseApprovalStatus approval = LeaseApprovalStatus.fromWire(rs.getString("approval_status"));
        Instant ownerApprovedAt = instant(rs, "owner_approved_at");
        String ownerSignature = rs.getString("owner_signature_url");
        UserId witness = user(rs, "witness_id");
        String witnessSignature = rs.getString("witness_signature_url");
        String agreement = rs.getString("lease_agreement_url");
        Instant signedAt = instant(rs, "signed_at");
        Instant activatedAt = instant(rs, "activated_at");
        Instant createdAt = instant(rs, "created_at");
        Instant updatedAt = instant(rs, "updated_at");
        long version = rs.getLong("version");
        return new LeaseRow(id, tenants -> new LeaseView(
                new LeaseId(id), property, unit, owner, agent, manager, tenants, proposedBy, application, terms,
                status, approval, ownerApprovedAt, rejection, ownerSignature, witness, witnessSignature, agreement,
                signedAt, activatedAt, termination, createdAt, updatedAt, version));
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : new Money(amount, currency);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static UserId user(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static UUID value(UserId user) {
        return user == null ? null : user.value();
    }
}
