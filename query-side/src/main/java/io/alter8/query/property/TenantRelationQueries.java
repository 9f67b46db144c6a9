package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.property.FindOwnerTenants;
import io.alter8.api.property.TenantRelationView;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers who is a tenant of whose properties, from {@code tenant_relation} joined with the catalog for the owner
 * (and the title and unit number) and with the user directory for the tenant's name and masked phone. Who may ask
 * is the caller's business.
 */
@Component
public class TenantRelationQueries {

    /** The read models these answers come from, for {@code X-Await-Position}. */
    public static final String PROCESSING_GROUP = TenantRelationProjector.PROCESSING_GROUP;
    public static final String CATALOG_PROCESSING_GROUP = PropertyListingProjector.PROCESSING_GROUP;

    /** Sort names and their ORDER BY, each made a total order by the relation's key. */
    private static final Map<String, String> SORTS = Map.of(
            "since", "r.since %1$s",
            "lastName", "lower(u.last_name) %1$s NULLS LAST, lower(u.first_name) %1$s NULLS LAST, r.since DESC");
    public static final Set<String> SORT_NAMES = SORTS.keySet();

    /** The relations to the properties of one owner (the parameter). */
    private static final String RELATIONS = " FROM tenant_relation r JOIN property_listing l ON l.id = r.property_id";
    private static final String OF_OWNER = " WHERE l.owner_id = ?";

    private final JdbcTemplate jdbc;

    TenantRelationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user is or was a tenant of any property of the owner. */
    public boolean isTenantOf(UUID tenantId, UUID ownerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1" + RELATIONS + OF_OWNER + " AND r.tenant_id = ?)", Boolean.class, ownerId,
                tenantId));
    }

    @QueryHandler
    public PageView<TenantRelationView> handle(FindOwnerTenants query) {
        UUID owner = query.ownerId().value();
        String order = SORTS.get(query.sort()).formatted(query.ascending() ? "ASC" : "DESC")
                + ", r.tenant_id, r.property_id, r.relation, r.lease_id, r.unit_id";
        List<TenantRelationView> items = jdbc.query(
                "SELECT r.tenant_id, r.property_id, r.relation, r.lease_id, r.unit_id, r.since, r.ended_at, l.title, "
                        + "un.unit_number, u.first_name, u.last_name, u.phone_masked" + RELATIONS
                        + " LEFT JOIN property_unit un ON un.id = r.unit_id"
                        + " LEFT JOIN user_directory u ON u.id = r.tenant_id" + OF_OWNER
                        + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                (rs, row) -> Rows.tenantRelation(rs), owner, query.size(), (long) query.page() * query.size());
        return new PageView<>(items, query.page(), query.size(), Paging.total(
                items.size(), query.page(), query.size(),
                () -> jdbc.queryForObject("SELECT count(*)" + RELATIONS + OF_OWNER, Long.class, owner)));
    }
}
