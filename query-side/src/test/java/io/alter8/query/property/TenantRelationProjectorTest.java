package io.alter8.query.property;

import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.property.FindOwnerTenants;
import io.alter8.api.property.TenantRelation;
import io.alter8.api.property.TenantRelationView;
import io.alter8.api.user.Role;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.lease.LeaseTestEvents;
import io.alter8.query.processing.ProcessorPositions;
import io.alter8.query.user.UserTestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projector's handlers on the real read database (the same events twice leave the same rows), and the queries
 * over events appended to the real event store and projected by the running processors.
 */
@QuerySideTest
class TenantRelationProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    TenantRelationProjector projector;
    @Autowired
    TenantRelationQueries queries;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    final TestEvents.Listing property = new TestEvents.Listing();
    final UUID firstLease = UUID.randomUUID();
    final UUID secondLease = UUID.randomUUID();
    final UUID asha = UUID.randomUUID();
    final UUID ravi = UUID.randomUUID();
    final UUID meera = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();

    /** Two tenants lease the unit and leave; a third leases it next. Sequence numbers as the aggregate gives them. */
    private void applyTwoLeases() {
        tx.executeWithoutResult(s -> {
            projector.on(property.occupied(property.unitId, firstLease, asha, ravi), 5, at(1));
            projector.on(property.vacated(property.unitId, firstLease), 7, at(2));
            projector.on(property.occupied(property.unitId, secondLease, meera), 9, at(3));
        });
    }

    private static Instant at(int days) {
        return T0.plusSeconds(86_400L * days);
    }

    record Row(UUID tenant, String relation, UUID lease, UUID unit, Instant since, Instant endedAt, long version) {
    }

    private List<Row> rows() {
        return jdbc.query("SELECT * FROM tenant_relation WHERE property_id = ? ORDER BY since, tenant_id",
                          (rs, i) -> new Row(rs.getObject("tenant_id", UUID.class), rs.getString("relation"),
                                             rs.getObject("lease_id", UUID.class), rs.getObject("unit_id", UUID.class),
                                             instant(rs.getObject("since", OffsetDateTime.class)),
                                             instant(rs.getObject("ended_at", OffsetDateTime.class)),
                                             rs.getLong("version")),
                          property.id);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRows() {
        applyTwoLeases();
        List<Row> once = rows();

        applyTwoLeases();

        assertThat(rows()).isEqualTo(once);
        UUID unit = property.unitId;
        assertThat(once).containsExactlyInAnyOrder(new Row(asha, "leased", firstLease, unit, at(1), at(2), 7),
                                                   new Row(ravi, "leased", firstLease, unit, at(1), at(2), 7),
                                                   new Row(meera, "leased", secondLease, unit, at(3), null, 9));
    }

    @Test
    void anOccupationDeliveredAgainAfterItsLeaseEndedDoesNotRevive() {
        applyTwoLeases();

        tx.executeWithoutResult(s -> projector.on(property.occupied(property.unitId, firstLease, asha, ravi), 5,
                                                  at(1)));

        assertThat(rows()).filteredOn(row -> row.lease().equals(firstLease))
                          .extracting(Row::endedAt).containsExactly(at(2), at(2));
    }

    @Test
    void theSameLeaseOccupyingTheUnitAgainStartsTheRelationAgain() {
        tx.executeWithoutResult(s -> {
            projector.on(property.occupied(property.unitId, firstLease, asha), 5, at(1));
            projector.on(property.vacated(property.unitId, firstLease), 6, at(2));
            projector.on(property.occupied(property.unitId, firstLease, asha), 7, at(3));
        });

        assertThat(rows()).containsExactly(new Row(asha, "leased", firstLease, property.unitId, at(3), null, 7));
    }

    /** Asha applies with Ravi; Ravi agrees; the owner proposes another lease naming Meera, who has not agreed. */
    private void applyApplications(LeaseTestEvents application, LeaseTestEvents proposal) {
        tx.executeWithoutResult(s -> {
            projector.on(application.proposed(asha, asha, ravi), 0, at(1));
            projector.on(application.approved(LeaseParty.TENANT, ravi, LeaseApprovalStatus.PENDING), 1, at(2));
            projector.on(application.approved(LeaseParty.TENANT, asha, LeaseApprovalStatus.TENANT_APPROVED), 2,
                         at(3));
            projector.on(application.approved(LeaseParty.OWNER, owner, LeaseApprovalStatus.FULLY_APPROVED), 3,
                         at(4));
            projector.on(proposal.proposed(owner, meera), 0, at(5));
        });
    }

    @Test
    void aTenantAppliesByTheirOwnActOnlyAndTheSameEventsTwiceLeaveTheSameRows() {
        LeaseTestEvents application = new LeaseTestEvents(property.id, property.unitId, owner);
        LeaseTestEvents proposal = new LeaseTestEvents(property.id, property.unitId, owner);
        applyApplications(application, proposal);
        List<Row> once = rows();

        applyApplications(application, proposal);

        assertThat(rows()).isEqualTo(once);
        UUID lease = application.id;
        assertThat(once).containsExactlyInAnyOrder(
                new Row(asha, "applied", lease, property.unitId, at(1), null, 2),
                new Row(ravi, "applied", lease, property.unitId, at(2), null, 1));
    }

    /** Until every read model the answers join has read the event store up to its head. */
    private void awaitProjections() {
        long head = store.head();
        await().atMost(Duration.ofSeconds(10)).until(() -> positions.lowestPosition(List.of(
                TenantRelationQueries.PROCESSING_GROUP, TenantRelationQueries.CATALOG_PROCESSING_GROUP,
                "user-directory")).orElse(-1) >= head);
    }

    private void registerTenant(UUID id, String firstName) {
        store.append("UserAccount", id, 0, UserTestEvents.registered(id, id + "@example.com", "+919876543210",
                                                                      firstName, "Iyer", Role.TENANT));
    }

    @Test
    void relatesTheTenantsOfALeaseToTheOwnerOfThePropertyOnly() {
        UUID unknown = UUID.randomUUID();
        UUID lease = UUID.randomUUID();
        registerTenant(meera, "Meera");
        TestEvents.Listing flat = new TestEvents.Listing().owner(owner).title("Flat with a view");
        flat.publish(store);
        // The second tenant is not in the user directory: listed all the same, without a name.
        flat.append(store, flat.occupied(flat.unitId, lease, meera, unknown));
        awaitProjections();

        assertThat(queries.isTenantOf(meera, owner)).isTrue();
        assertThat(queries.isTenantOf(unknown, owner)).isTrue();
        assertThat(queries.isTenantOf(meera, UUID.randomUUID())).isFalse();
        assertThat(queries.isTenantOf(UUID.randomUUID(), owner)).isFalse();
        List<TenantRelationView> items = queries.handle(new FindOwnerTenants(new UserId(owner), 0, 20, "lastName",
                                                                             true)).items();
        assertThat(items).hasSize(2);
        TenantRelationView first = items.get(0);
        assertThat(first.tenant()).isEqualTo(new TenantRelationView.Tenant(new UserId(meera), "Meera", "Iyer",
                                                                           "+9XXXXX210"));
        assertThat(first.propertyId().value()).isEqualTo(flat.id);
        assertThat(first.propertyTitle()).isEqualTo("Flat with a view");
        assertThat(first.unitId().value()).isEqualTo(flat.unitId);
        assertThat(first.unitNumber()).isEqualTo("1");
        assertThat(first.leaseId().value()).isEqualTo(lease);
        assertThat(first.relation()).isEqualTo(TenantRelation.LEASED);
        assertThat(first.since()).isNotNull();
        assertThat(first.endedAt()).isNull();
        assertThat(items.get(1).tenant()).isEqualTo(new TenantRelationView.Tenant(new UserId(unknown), null, null,
                                                                                  null));
    }

    @Test
    void aVacatedUnitEndsTheRelationButKeepsIt() {
        UUID lease = UUID.randomUUID();
        registerTenant(meera, "Meera");
        TestEvents.Listing flat = new TestEvents.Listing().owner(owner);
        flat.publish(store);
        flat.append(store, flat.occupied(flat.unitId, lease, meera), flat.vacated(flat.unitId, lease));
        awaitProjections();

        assertThat(queries.isTenantOf(meera, owner)).isTrue();
        TenantRelationView past = queries.handle(new FindOwnerTenants(new UserId(owner), 0, 20, "since", false))
                                         .items().get(0);
        assertThat(past.endedAt()).isAfterOrEqualTo(past.since());
    }
}
