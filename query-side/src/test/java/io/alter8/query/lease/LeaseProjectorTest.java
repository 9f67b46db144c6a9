package io.alter8.query.lease;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.FindLeaseById;
import io.alter8.api.lease.FindLeases;
import io.alter8.api.lease.LeaseAgreementRecorded;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.api.lease.LeaseView;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.processing.ProcessorPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projector's handlers on the real read database (the same events twice leave the same rows, a late event
 * changes nothing), and the queries over events appended to the real event store and projected by the processors.
 */
@QuerySideTest
class LeaseProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    LeaseProjector projector;
    @Autowired
    LeaseQueries queries;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final UUID asha = UUID.randomUUID();
    final UUID ravi = UUID.randomUUID();
    final LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);

    private static Instant at(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    /** Asha applies with Ravi, both agree, the owner agrees, all sign, it is in force, Ravi ends it. */
    private void applyTheWholeLife() {
        tx.executeWithoutResult(s -> {
            projector.on(lease.proposed(asha, asha, ravi), 0, at(0));
            projector.on(new LeaseTermsRevised(new LeaseId(lease.id), LeaseTestEvents.terms("24000"),
                                               new UserId(owner)), 1, at(1));
            projector.on(lease.approved(LeaseParty.TENANT, asha, LeaseApprovalStatus.PENDING), 2, at(2));
            projector.on(lease.approved(LeaseParty.TENANT, ravi, LeaseApprovalStatus.TENANT_APPROVED), 3, at(3));
            projector.on(lease.approved(LeaseParty.OWNER, owner, LeaseApprovalStatus.FULLY_APPROVED), 4, at(4));
            projector.on(lease.signed(LeaseParty.OWNER, owner, false), 5, at(5));
            projector.on(lease.signed(LeaseParty.TENANT, asha, false), 6, at(6));
            projector.on(lease.signed(LeaseParty.TENANT, ravi, true), 7, at(7));
            projector.on(lease.activated(owner, asha, ravi), 8, at(8));
            projector.on(new LeaseTerminated(new LeaseId(lease.id), new PropertyId(lease.propertyId), null,
                                             LocalDate.of(2027, 3, 31), "moving", LocalDate.of(2027, 2, 28),
                                             Money.of("24000", "INR"), new UserId(ravi)), 9, at(9));
        });
    }

    /** The lease's rows, each as JSON (arrays compare by value then). */
    private List<String> rows() {
        List<String> rows = new java.util.ArrayList<>(
                jdbc.queryForList("SELECT to_jsonb(l)::text FROM lease l WHERE id = ?", String.class, lease.id));
        rows.addAll(jdbc.queryForList("SELECT to_jsonb(t)::text FROM lease_tenant t WHERE lease_id = ? "
                                              + "ORDER BY position", String.class, lease.id));
        return rows;
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRows() {
        applyTheWholeLife();
        List<String> once = rows();

        applyTheWholeLife();

        assertThat(rows()).isEqualTo(once).hasSize(3);
        LeaseView view = queries.handle(new FindLeaseById(new LeaseId(lease.id))).orElseThrow();
        assertThat(view.status()).isEqualTo(LeaseStatus.TERMINATED);
        assertThat(view.approvalStatus()).isEqualTo(LeaseApprovalStatus.FULLY_APPROVED);
        assertThat(view.application()).isTrue();
        assertThat(view.terms().monthlyRent()).isEqualTo(Money.of("24000", "INR"));
        assertThat(view.tenants()).extracting(t -> t.tenantId().value()).containsExactly(asha, ravi);
        assertThat(view.tenants()).allSatisfy(t -> {
            assertThat(t.approvedAt()).isNotNull();
            assertThat(t.signatureUrl()).startsWith("https://sign.example/");
        });
        assertThat(view.tenants().get(0).primary()).isTrue();
        assertThat(view.ownerSignatureUrl()).isEqualTo("https://sign.example/" + owner);
        assertThat(view.agreementUrl()).isEqualTo("https://docs.example/lease.pdf");
        assertThat(view.signedAt()).isEqualTo(at(7));
        assertThat(view.activatedAt()).isEqualTo(at(8));
        assertThat(view.termination().earlyTerminationPenalty()).isEqualTo(Money.of("24000", "INR"));
        assertThat(view.version()).isEqualTo(9);
    }

    @Test
    void revisedTermsLetTheApprovalsGivenBeforeLapse() {
        tx.executeWithoutResult(s -> {
            projector.on(lease.proposed(asha, asha), 0, at(0));
            projector.on(lease.approved(LeaseParty.TENANT, asha, LeaseApprovalStatus.TENANT_APPROVED), 1, at(1));
            projector.on(lease.approved(LeaseParty.OWNER, owner, LeaseApprovalStatus.FULLY_APPROVED), 2, at(2));
            projector.on(new LeaseTermsRevised(new LeaseId(lease.id), LeaseTestEvents.terms("26000"),
                                               new UserId(owner)), 3, at(3));
        });

        LeaseView view = queries.handle(new FindLeaseById(new LeaseId(lease.id))).orElseThrow();
        assertThat(view.status()).isEqualTo(LeaseStatus.DRAFT);
        assertThat(view.approvalStatus()).isEqualTo(LeaseApprovalStatus.PENDING);
        assertThat(view.ownerApprovedAt()).isNull();
        assertThat(view.tenants().get(0).approvedAt()).isNull();
    }

    @Test
    void aRenewalAndTheLeaseItRenewsNameEachOtherAndAWithdrawnRenewalEnds() {
        LeaseId renewal = LeaseId.random();
        LeaseProposed proposed = lease.proposed(asha, asha);
        LeaseProposed renewalProposed = new LeaseProposed(renewal, proposed.propertyId(), proposed.unitId(),
                                                          proposed.ownerId(), null, null, proposed.tenants(),
                                                          proposed.primaryTenant(), proposed.terms(),
                                                          new UserId(owner), new LeaseId(lease.id),
                                                          proposed.terms().securityDeposit());
        Runnable events = () -> tx.executeWithoutResult(s -> {
            projector.on(proposed, 0, at(0));
            projector.on(lease.activated(owner, asha), 1, at(1));
            projector.on(new LeaseAgreementRecorded(new LeaseId(lease.id), DocumentId.random(), 3), 2, at(2));
            projector.on(new LeaseRenewed(new LeaseId(lease.id), proposed.propertyId(), proposed.unitId(), renewal,
                                          proposed.ownerId(), null, null, proposed.tenants(), proposed.primaryTenant(),
                                          proposed.terms(), false, new UserId(owner),
                                          proposed.terms().securityDeposit()), 3, at(3));
            projector.on(renewalProposed, 0, at(3));
            projector.on(new LeaseRenewalWithdrawn(renewal, new LeaseId(lease.id), proposed.propertyId(),
                                                   proposed.unitId(), LocalDate.of(2027, 12, 2)), 1, at(4));
        });
        events.run();
        List<String> once = rows();

        events.run();

        assertThat(rows()).isEqualTo(once);
        LeaseView renewed = queries.handle(new FindLeaseById(new LeaseId(lease.id))).orElseThrow();
        assertThat(renewed.status()).isEqualTo(LeaseStatus.RENEWED);
        assertThat(renewed.renewedBy()).isEqualTo(renewal);
        assertThat(renewed.agreement().version()).isEqualTo(3);
        assertThat(renewed.agreement().signedAt()).isEqualTo(at(2));
        LeaseView withdrawn = queries.handle(new FindLeaseById(renewal)).orElseThrow();
        assertThat(withdrawn.renewedFrom()).isEqualTo(new LeaseId(lease.id));
        assertThat(withdrawn.status()).isEqualTo(LeaseStatus.EXPIRED);
        assertThat(withdrawn.agreement()).isNull();

        tx.executeWithoutResult(s -> projector.on(new LeaseExpired(new LeaseId(lease.id), proposed.propertyId(),
                                                                   proposed.unitId(), LocalDate.of(2027, 12, 1)),
                                                  4, at(5)));
        assertThat(queries.handle(new FindLeaseById(new LeaseId(lease.id))).orElseThrow().status())
                .isEqualTo(LeaseStatus.EXPIRED);
    }

    @Test
    void anOlderEventDeliveredLateChangesNothing() {
        tx.executeWithoutResult(s -> {
            projector.on(lease.proposed(asha, asha), 0, at(0));
            projector.on(new LeaseRejected(new LeaseId(lease.id), LeaseParty.OWNER, new UserId(owner), "no pets"), 2,
                         at(2));
            projector.on(lease.approved(LeaseParty.TENANT, asha, LeaseApprovalStatus.TENANT_APPROVED), 1, at(1));
        });

        LeaseView view = queries.handle(new FindLeaseById(new LeaseId(lease.id))).orElseThrow();
        assertThat(view.approvalStatus()).isEqualTo(LeaseApprovalStatus.REJECTED);
        assertThat(view.rejection().reason()).isEqualTo("no pets");
        assertThat(view.tenants().get(0).approvedAt()).as("the tenant row follows the lease row").isNull();
    }

    @Test
    void eachPartyFindsTheLeasesTheyArePartyToFromTheEventStore() {
        LeaseTestEvents other = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        store.append("Lease", lease.id, 0, lease.proposed(asha, asha, ravi));
        store.append("Lease", other.id, 0, other.proposed(other.ownerId, ravi));
        long head = store.append("Lease", other.id, 1, other.approved(LeaseParty.TENANT, ravi,
                                                                       LeaseApprovalStatus.TENANT_APPROVED));
        await().atMost(Duration.ofSeconds(10))
               .until(() -> positions.lowestPosition(List.of(LeaseProjector.PROCESSING_GROUP)).orElse(-1) >= head);

        assertThat(ids(new FindLeases(new UserId(asha), null, null, null, 0, 20))).containsExactly(lease.id);
        assertThat(ids(new FindLeases(new UserId(ravi), null, null, null, 0, 20)))
                .containsExactlyInAnyOrder(lease.id, other.id);
        assertThat(ids(new FindLeases(new UserId(owner), null, null, null, 0, 20))).containsExactly(lease.id);
        assertThat(ids(new FindLeases(new UserId(ravi), null, null, true, 0, 20))).containsExactly(lease.id);
        assertThat(ids(new FindLeases(new UserId(ravi), new PropertyId(other.propertyId), LeaseStatus.PENDING_APPROVAL,
                                      null, 0, 20))).containsExactly(other.id);
        assertThat(ids(new FindLeases(new UserId(UUID.randomUUID()), null, null, null, 0, 20))).isEmpty();
        assertThat(queries.handle(new FindLeases(new UserId(ravi), null, null, null, 0, 1)).total()).isEqualTo(2);
    }

    private List<UUID> ids(FindLeases query) {
        return queries.handle(query).items().stream().map(v -> v.id().value()).toList();
    }
}
