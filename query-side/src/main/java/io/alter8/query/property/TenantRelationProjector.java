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
import io.alter8.query.jdbc.VersionedRows;
import io.alter8.query.processing.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code tenant_relation}: which tenants are or were related to which property. A lease occupying a unit
 * relates each of its tenants ({@code leased}, since the occupation); vacating the unit ends those rows, which stay,
 * so a past tenant remains one. A tenant applies ({@code applied}, with the lease and unit) by proposing a lease
 * themselves or by approving one that names them: only their own act counts, so an owner cannot see someone's
 * profile by naming them in a proposal. Rows are written through {@link VersionedRows}, keyed and guarded by the
 * sequence number of the aggregate that recorded them, so replays, redeliveries and late arrivals leave the same
 * rows.
 * <p>
 * A processing group of its own, so it can be rebuilt alone: it copies nothing from the catalog, and the owner of a
 * property — fixed at registration — is joined from {@code property_listing} when asked ({@link TenantRelationQueries}).
 */
@Component
@ProcessingGroup(TenantRelationProjector.PROCESSING_GROUP)
class TenantRelationProjector implements RebuildableReadModel {

    static final String PROCESSING_GROUP = "tenant-relations";
    private static final String LEASED = TenantRelation.LEASED.wire();
    private static final String APPLIED = TenantRelation.APPLIED.wire();

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;

    TenantRelationProjector(VersionedRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitOccupied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // The same lease occupying the unit again (after it was vacated) starts the relation again.
        event.tenants().stream().map(UserId::value).distinct().forEach(tenant -> relation(
                rows.upsert("tenant_relation").key("tenant_id", tenant), event.propertyId(), LEASED, event.leaseId(),
                event.unitId())
                .set("since", utc(at))
                .set("ended_at", null)
                .apply(sequence));
    }

    @EventHandler
    void on(UnitVacated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        relation(rows.update("tenant_relation"), event.propertyId(), LEASED, event.leaseId(), event.unitId())
                .set("ended_at", utc(at))
                .apply(sequence);
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
        relation(rows.upsert("tenant_relation").key("tenant_id", tenant.value()), property, APPLIED, lease, unit)
                .onCreate("since", utc(at))
                .apply(sequence);
    }

    /** The key of a relation's rows, the tenant apart: a vacated unit ends the rows of all the lease's tenants. */
    private static VersionedRows.Write relation(VersionedRows.Write write, PropertyId property, String relation,
                                                LeaseId lease, UnitId unit) {
        return write.key("property_id", property.value()).key("relation", relation).key("lease_id", lease.value())
                    .key("unit_id", unit.value());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM tenant_relation");
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("tenant_relation");
    }
}
