package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.FindOwnerProperties;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.FindPropertyById;
import io.alter8.api.property.FindPropertyReviews;
import io.alter8.api.property.FindPropertyUnits;
import io.alter8.api.property.PersonSummary;
import io.alter8.api.property.PropertyDetailView;
import io.alter8.api.property.PropertySummary;
import io.alter8.api.property.ReviewView;
import io.alter8.api.property.UnitAvailabilityView;
import io.alter8.api.property.UnitView;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.web.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Answers the catalog queries from PostgreSQL (Axon query handlers; the REST controller calls them directly, through
 * the cache). Who may see what is the controller's business. A property and its units are read in one snapshot.
 */
@Component
class PropertyListingQueries {

    /** Portfolio sort names and their columns. */
    static final Map<String, String> OWNER_SORTS = Map.of(
            "registeredAt", "l.registered_at", "title", "l.title", "monthlyRent", "l.monthly_rent");

    private final JdbcTemplate jdbc;
    private final MasterData masterData;

    PropertyListingQueries(JdbcTemplate jdbc, MasterData masterData) {
        this.jdbc = jdbc;
        this.masterData = masterData;
    }

    /**
     * A page of search results and its total, read in one snapshot so that the two agree. Search values are skewed
     * (one city is not another, a rare word is not a common one), so each search is planned for its own values; the
     * pool's other statements, the projections' writes above all, keep PostgreSQL's cached plans.
     */
    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PageView<PropertySummary> handle(FindProperties query) {
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        PropertySearchSql sql = new PropertySearchSql(query);
        PropertySearchSql.Statement page = sql.page();
        boolean near = query.near() != null;
        List<PropertySummary> items = jdbc.query(page.sql(), (rs, row) -> Rows.summary(
                rs, near ? Math.round(rs.getDouble("distance_km") * 1000) / 1000.0 : null), page.args());
        return new PageView<>(items, query.page(), query.size(), Paging.total(items.size(), query.page(), query.size(), () -> {
            PropertySearchSql.Statement count = sql.count();
            return jdbc.queryForObject(count.sql(), Long.class, count.args());
        }));
    }

    @QueryHandler
    PageView<PropertySummary> handle(FindOwnerProperties query) {
        UUID owner = query.ownerId().value();
        String direction = query.ascending() ? "ASC" : "DESC";
        List<PropertySummary> items = jdbc.query(
                "SELECT " + Rows.SUMMARY_COLUMNS + " FROM property_listing l WHERE l.owner_id = ? ORDER BY "
                        + OWNER_SORTS.get(query.sort()) + " " + direction + ", l.id " + direction + " LIMIT ? OFFSET ?",
                (rs, row) -> Rows.summary(rs, null), owner, query.size(), (long) query.page() * query.size());
        return new PageView<>(items, query.page(), query.size(), Paging.total(items.size(), query.page(), query.size(),
                () -> jdbc.queryForObject("SELECT count(*) FROM property_listing WHERE owner_id = ?", Long.class,
                                          owner)));
    }

    @QueryHandler
    Optional<PropertyDetailView> handle(FindPropertyById query) {
        return detail(query.propertyId().value()).map(this::withNames);
    }

    @QueryHandler
    Optional<UnitAvailabilityView> handle(FindPropertyUnits query) {
        return units(query.propertyId().value()).map(UnitsEntry::availability);
    }

    @QueryHandler
    PageView<ReviewView> handle(FindPropertyReviews query) {
        UUID property = query.propertyId().value();
        List<ReviewView> items = jdbc.query("""
                        SELECT r.reviewer_id, r.rating, r.comment, r.reviewed_at, u.first_name, u.last_name
                        FROM property_review r LEFT JOIN user_directory u ON u.id = r.reviewer_id
                        WHERE r.property_id = ? ORDER BY r.reviewed_at DESC, r.reviewer_id LIMIT ? OFFSET ?""",
                (rs, row) -> new ReviewView(
                        new PersonSummary(new UserId(rs.getObject("reviewer_id", UUID.class)), name(rs)),
                        rs.getInt("rating"), rs.getString("comment"),
                        rs.getObject("reviewed_at", OffsetDateTime.class).toInstant()),
                property, query.size(), (long) query.page() * query.size());
        Long total = jdbc.queryForObject("SELECT count(*) FROM property_review WHERE property_id = ?", Long.class,
                                         property);
        return new PageView<>(items, query.page(), query.size(), total == null ? 0 : total);
    }

    /** The property with its units; people by id only (their names change on their own: see withNames). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<PropertyDetailView> detail(UUID id) {
        List<UnitView> units = unitRows(id);
        return jdbc.query("SELECT * FROM property_listing WHERE id = ?",
                          (rs, row) -> Rows.detail(rs, units, masterData), id).stream().findFirst();
    }

    /** Unit availability, with who may see it. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<UnitsEntry> units(UUID id) {
        List<UnitView> units = unitRows(id);
        return jdbc.query("""
                SELECT owner_id, listing_agent_id, property_manager_id, status, listing_status, total_units,
                    available_units, updated_at, version
                FROM property_listing WHERE id = ?""", (rs, row) -> new UnitsEntry(
                new UnitAvailabilityView(new PropertyId(id), rs.getInt("total_units"), rs.getInt("available_units"),
                                         rs.getObject("updated_at", OffsetDateTime.class).toInstant(), units,
                                         rs.getLong("version")),
                access(rs)), id).stream().findFirst();
    }

    /** Who may see the property, for the routes whose answer does not carry it. */
    Optional<PropertyAccess> access(UUID id) {
        return jdbc.query("SELECT owner_id, listing_agent_id, property_manager_id, status, listing_status "
                                  + "FROM property_listing WHERE id = ?", (rs, row) -> access(rs), id)
                   .stream().findFirst();
    }

    /** The view with its people's names as the user directory has them now (names only, never contact data). */
    PropertyDetailView withNames(PropertyDetailView view) {
        List<UUID> ids = Stream.of(view.owner(), view.listingAgent(), view.propertyManager())
                                                .filter(Objects::nonNull).map(p -> p.id().value())
                                                .toList();
        Map<UUID, String> names = names(ids);
        return view.withPeople(person -> new PersonSummary(person.id(), names.get(person.id().value())));
    }

    private Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, first_name, last_name FROM user_directory WHERE id IN ("
                               + String.join(", ", ids.stream().map(i -> "?").toList()) + ")",
                       rs -> {
                           names.put(rs.getObject("id", UUID.class), name(rs));
                       }, ids.toArray());
        }
        return names;
    }

    private List<UnitView> unitRows(UUID propertyId) {
        return jdbc.query("SELECT * FROM property_unit WHERE property_id = ? AND NOT removed ORDER BY unit_number, id",
                          (rs, row) -> Rows.unit(rs), propertyId);
    }

    private static PropertyAccess access(ResultSet rs) throws SQLException {
        return new PropertyAccess(rs.getObject("owner_id", UUID.class), rs.getObject("listing_agent_id", UUID.class),
                                  rs.getObject("property_manager_id", UUID.class),
                                  PropertyAccess.isOpen(rs.getString("status"), rs.getString("listing_status")));
    }

    private static String name(ResultSet rs) throws SQLException {
        String first = rs.getString("first_name");
        return first == null ? null : first + " " + rs.getString("last_name");
    }

    /** What the unit availability cache keeps: the view and who may read it. */
    record UnitsEntry(UnitAvailabilityView availability, PropertyAccess access) {
    }
}
