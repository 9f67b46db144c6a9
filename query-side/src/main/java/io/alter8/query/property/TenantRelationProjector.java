package io.alter8.query.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.property.TenantRelation;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitVacated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code tenant_relation}: which tenants are or were related to which property. A lease occupying a unit
 * relates each of its tenants ({@code leased}, since the occupation); vacating the unit ends those rows, which stay,
 * so a past tenant remains one. A tenant applies ({@code applied}, with the lease and unit) by proposing a lease
 * themselves or by approving one that names them: only their own act counts, so an owner cannot see someone's
 * profile by naming them in a proposal. Rows are upserted by their key and guarded by the sequence number of the
 * aggregate that recorded them ({@code version < sequence}), so replays, redeliveries and late arrivals leave the
 * same rows.
 * <p>
 * A processing group of its own, so it can be rebuilt alone: it copies nothing from the catalog, and the owner of a
 * property — fixed at registration — is joined from {@code property_listing} when asked ({@link TenantRelationQueries}).
 */
@Component
@ProcessingGroup(TenantRelationProjector.PROCESSING_GROUP)
class TenantRelationProjector {

    static final String PROCESSING_GROUP = "tenant-relations";
    private static final String LEASED = TenantRelation.LEASED.wire();
    private static final String APPLIED = TenantRelation.APPLIED.wire();

    private final JdbcTemplate jdbc;

    TenantRelationProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitOccupied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID property = event.propertyId().value();
        UUID unit = event.unitId().value();
        UUID lease = event.leaseId().value();
        OffsetDateTime since = utc(at);
        List<Object[]> rows = event.tenants().stream().map(UserId::value).distinct()
                                   .map(tenant -> new Object[]{tenant, property, LEASED, lease, unit, since, sequence})
                                   .toList();
        // The same lease occupying the unit again (after it was vacated) starts the relation again.
        jdbc.batchUpdate("""
                INSERT INTO tenant_relation (tenant_id, property_id, relation, lease_id, unit_id, since, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, property_id, relation, lease_id, unit_id) DO UPDATE
                    SET since = EXCLUDED.since, ended_at = NULL, version = EXCLUDED.version
                    WHERE tenant_relation.version < EXCLUDED.version""", rows);
    }

    @EventHandler
    void on(UnitVacated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE tenant_relation SET ended_at = ?, version = ?
                WHERE property_id = ? AND relation = ? AND lease_id = ? AND unit_id = ? AND version < ?""",
                    utc(at), sequence, event.propertyId().value(), LEASED, event.leaseId().value(),
                    event.unitId().value(), sequence);
    }

    @EventHandler
    void on(LeaseProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.isApplication()) {
            applied(event.proposedBy(), event.propertyId(), event.leaseId(), event.unitId(), sequence, at);
        }
    }

    @EventHandler
    void on(LeaseApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.party() == LeaseParty.TENANT) {
            applied(event.approvedBy(), event.propertyId(), event.leaseId(), event.unitId(), sequence, at);
        }
    }

    /** The first act of the tenant on the lease dates the relation; later ones only advance its version. */
    private void applied(UserId tenant, PropertyId property, LeaseId lease, UnitId unit, long sequence, Instant at) {
        jdbc.update("""
                INSERT INTO tenant_relation (tenant_id, property_id, relation, lease_id, unit_id, since, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, property_id, relation, lease_id, unit_id) DO UPDATE
                    SET version = EXCLUDED.version
                    WHERE tenant_relation.version < EXCLUDED.version""",
                    tenant.value(), property.value(), APPLIED, lease.value(), unit.value(), utc(at), sequence);
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM tenant_relation");
    }
}
