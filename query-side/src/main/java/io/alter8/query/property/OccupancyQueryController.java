package io.alter8.query.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.OccupancyView;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.uuid;

/**
 * Occupancy per property, from the catalog's units: each unit's {@code occupied}, {@code lease_id} and tenants follow
 * the property's UnitOccupied and UnitVacated events (sent when a lease goes into force and when it ends), through
 * the catalog's versioned writes, so occupancy keeps in step with leases and a rebuild gives the same answer. For the
 * property's owner and manager, and admins; anyone else gets the same 404 as for an unknown property.
 */
@RestController
@ReadModel(PropertyListingProjector.PROCESSING_GROUP)
@Tag(name = "Properties")
class OccupancyQueryController {

    static final String[] ROLES = {"owner", "property_manager", "admin", "super_admin"};
    private static final String[] ADMINS = {"admin", "super_admin"};

    private final Occupancy occupancy;

    OccupancyQueryController(Occupancy occupancy) {
        this.occupancy = occupancy;
    }

    @GetMapping("/api/properties/{id}/occupancy")
    @Operation(summary = "The property's units, occupied units, occupancy rate (percent) and the lease in each "
            + "occupied unit: its owner, its manager and admins")
    ResponseEntity<OccupancyView> occupancy(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        OccupancyView view = occupancy.of(id, caller.hasAnyRole(ADMINS) ? null : caller.id())
                                      .orElseThrow(() -> ApiException.notFound("property", id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** Reads occupancy from {@code property_listing} and {@code property_unit}. */
    @Component
    static class Occupancy {

        private final JdbcTemplate jdbc;

        Occupancy(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** The property's occupancy if {@code reader} owns or manages it (null: anyone may read it). */
        @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
        Optional<OccupancyView> of(UUID property, UUID reader) {
            List<Long> versions = jdbc.queryForList("""
                    SELECT version FROM property_listing
                    WHERE id = ? AND (?::uuid IS NULL OR owner_id = ? OR property_manager_id = ?)""",
                                                    Long.class, property, reader, reader, reader);
            if (versions.isEmpty()) {
                return Optional.empty();
            }
            int units = Objects.requireNonNull(jdbc.queryForObject(
                    "SELECT count(*) FROM property_unit WHERE property_id = ? AND NOT removed", Integer.class,
                    property));
            List<OccupancyView.OccupiedUnit> occupied = jdbc.query("""
                    SELECT id, unit_number, lease_id, tenant_ids FROM property_unit
                    WHERE property_id = ? AND NOT removed AND occupied ORDER BY unit_number, id""",
                                                                   (rs, n) -> new OccupancyView.OccupiedUnit(
                                                                           new UnitId(uuid(rs, "id")),
                                                                           rs.getString("unit_number"),
                                                                           lease(uuid(rs, "lease_id")),
                                                                           tenants(rs.getArray("tenant_ids"))),
                                                                   property);
            BigDecimal rate = units == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(occupied.size() * 100L).divide(BigDecimal.valueOf(units), 2,
                                                                          RoundingMode.HALF_UP);
            return Optional.of(new OccupancyView(new PropertyId(property), units, occupied.size(), rate,
                                                           occupied, versions.get(0)));
        }

        private static LeaseId lease(UUID id) {
            return id == null ? null : new LeaseId(id);
        }

        private static List<UserId> tenants(Array array) throws SQLException {
            return array == null ? List.of()
                    : Arrays.stream((UUID[]) array.getArray()).map(UserId::new).toList();
        }
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/properties/*/occupancy").hasAnyRole(ROLES);
        }
    }
}
