package io.alter8.query.lease;

import io.alter8.api.common.DocumentId;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.instant;
import static io.alter8.query.jdbc.Sql.textArray;
import static io.alter8.query.jdbc.Sql.user;
import static io.alter8.query.jdbc.Sql.uuid;

/** Answers lease queries from {@code lease} and {@code lease_tenant}. Who may ask for what is the caller's business. */
@Component
class LeaseQueries {

    /** The leases someone is party to, as owner, agent, manager or tenant (the parameter, four times). */
    static final String PARTY = " AND (l.owner_id = ? OR l.agent_id = ? OR l.manager_id = ? OR EXISTS "
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
        List<LeaseView> leases = jdbc.query(sql, (rs, i) -> lease(rs), args);
        if (leases.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<LeaseView.Tenant>> tenants = new HashMap<>();
        jdbc.query("SELECT * FROM lease_tenant WHERE lease_id = ANY (?) ORDER BY lease_id, position",
                   rs -> {
                       tenants.computeIfAbsent(uuid(rs, "lease_id"), id -> new ArrayList<>())
                              .add(new LeaseView.Tenant(user(rs, "tenant_id"), rs.getBoolean("is_primary"),
                                                        instant(rs, "approved_at"), rs.getString("signature_url"),
                                                        instant(rs, "signed_at")));
                   },
                   (Object) leases.stream().map(lease -> lease.id().value()).toArray(UUID[]::new));
        return leases.stream().map(lease -> lease.withTenants(tenants.getOrDefault(lease.id().value(), List.of())))
                     .toList();
    }

    /** A lease row, without its tenants. */
    private static LeaseView lease(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        LeaseTerms terms = new LeaseTerms(
                rs.getObject("lease_start_date", LocalDate.class), rs.getObject("lease_end_date", LocalDate.class),
                rs.getInt("notice_period_days"), rs.getBoolean("renewal_option"), rs.getBoolean("auto_renewal"),
                money(rs, "monthly_rent", currency), money(rs, "security_deposit", currency),
                money(rs, "maintenance_charge", currency), money(rs, "brokerage_amount", currency),
                rs.getBigDecimal("annual_rent_increase_percent"),
                rs.getObject("next_rent_review_date", LocalDate.class),
                AgreementType.fromWire(rs.getString("agreement_type")), textArray(rs, "special_terms"));
        UserId rejectedBy = user(rs, "rejected_by");
        LeaseView.Rejection rejection = rejectedBy == null ? null
                : new LeaseView.Rejection(rejectedBy, rs.getString("rejection_reason"));
        LocalDate terminated = rs.getObject("termination_date", LocalDate.class);
        LeaseView.Termination termination = terminated == null ? null
                : new LeaseView.Termination(terminated, rs.getString("termination_reason"),
                                            rs.getObject("termination_notice_date", LocalDate.class),
                                            money(rs, "early_termination_penalty", currency));
        return new LeaseView(
                new LeaseId(uuid(rs, "id")), new PropertyId(uuid(rs, "property_id")), new UnitId(uuid(rs, "unit_id")),
                user(rs, "owner_id"), user(rs, "agent_id"), user(rs, "manager_id"), List.of(),
                user(rs, "proposed_by"), rs.getBoolean("application"), terms,
                LeaseStatus.fromWire(rs.getString("status")),
                LeaseApprovalStatus.fromWire(rs.getString("approval_status")), instant(rs, "owner_approved_at"),
                rejection, rs.getString("owner_signature_url"), user(rs, "witness_id"),
                rs.getString("witness_signature_url"), rs.getString("lease_agreement_url"), instant(rs, "signed_at"),
                instant(rs, "activated_at"), termination, instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), lease(rs, "renewed_from"), lease(rs, "renewed_by"), agreement(rs));
    }

    private static LeaseId lease(ResultSet rs, String column) throws SQLException {
        UUID id = uuid(rs, column);
        return id == null ? null : new LeaseId(id);
    }

    private static LeaseView.Agreement agreement(ResultSet rs) throws SQLException {
        UUID document = uuid(rs, "agreement_document_id");
        return document == null ? null : new LeaseView.Agreement(new DocumentId(document),
                                                                 rs.getInt("agreement_version"),
                                                                 instant(rs, "agreement_recorded_at"));
    }

    static Money money(ResultSet rs, String column, String currency) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : new Money(amount, currency);
    }

    private static UUID value(UserId user) {
        return user == null ? null : user.value();
    }
}
