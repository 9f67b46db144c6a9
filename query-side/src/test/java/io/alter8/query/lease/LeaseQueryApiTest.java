package io.alter8.query.lease;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.lease.LeaseAgreementRecorded;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leases read model over HTTP: what each role sees, 404 for another's lease, bad parameters, no token, and a
 * rebuild from the event store.
 */
@QuerySideTest
class LeaseQueryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();
    final UUID owner = UUID.randomUUID();
    final UUID asha = UUID.randomUUID();
    final UUID ravi = UUID.randomUUID();
    final LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    /** Asha applies with Ravi, and Ravi agrees; answers the position to await. */
    String applied() {
        store.append("Lease", lease.id, 0, lease.proposed(asha, asha, ravi));
        return Long.toString(store.append("Lease", lease.id, 1,
                                          lease.approved(LeaseParty.TENANT, ravi, LeaseApprovalStatus.PENDING)));
    }

    @Test
    void aPartyReadsTheLeaseWithItsVersionAsETag() {
        String position = applied();

        Response r = as(ravi, "tenant").get("/api/leases/" + lease.id, "X-Await-Position", position);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        JsonNode view = r.json();
        assertThat(view.path("id").asString()).isEqualTo(lease.id.toString());
        assertThat(view.path("application").asBoolean()).isTrue();
        assertThat(view.path("status").asString()).isEqualTo("pending_approval");
        assertThat(view.path("terms").path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(view.path("terms").path("agreementType").asString()).isEqualTo("standard");
        assertThat(view.path("tenants").get(1).path("tenantId").asString()).isEqualTo(ravi.toString());
        assertThat(view.path("tenants").get(1).path("approvedAt").asString()).endsWith("Z");
        assertThat(view.path("tenants").get(0).path("approvedAt").isNull()).isTrue();
        for (UUID party : List.of(asha, owner)) {
            assertThat(as(party, party.equals(owner) ? "owner" : "tenant").get("/api/leases/" + lease.id).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theLeaseAndTheListShowTheAgreementDocumentOnceAllItsPartiesSignedIt() {
        Response before = as(asha, "tenant").get("/api/leases/" + lease.id, "X-Await-Position", applied());
        assertThat(before.json().path("agreement").isNull()).as(before.body()).isTrue();
        UUID document = UUID.randomUUID();
        String position = Long.toString(store.append("Lease", lease.id, 2, new LeaseAgreementRecorded(
                new LeaseId(lease.id), new DocumentId(document), 2)));

        Response r = as(asha, "tenant").get("/api/leases/" + lease.id, "X-Await-Position", position);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode agreement = r.json().path("agreement");
        assertThat(agreement.path("documentId").asString()).isEqualTo(document.toString());
        assertThat(agreement.path("version").asInt()).isEqualTo(2);
        assertThat(agreement.path("signedAt").asString()).endsWith("Z");
        assertThat(as(owner, "owner").get("/api/leases").json().path("items").get(0).path("agreement")
                                     .path("documentId").asString()).isEqualTo(document.toString());
    }

    @Test
    void theScheduleAndTheOverdueListShowAChargePastItsGraceDaysAsOverdueBeforeAnyFee() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        store.append("Lease", lease.id, 0, lease.proposed(asha, LeaseTestEvents.termsWithLateFee(3)));
        LocalDate late = today.minusDays(4);
        LocalDate inGrace = today.minusDays(2);
        store.append("Lease", lease.id, 1, new RentChargeScheduled(
                new LeaseId(lease.id), new PropertyId(lease.propertyId), 0, late, inGrace.minusDays(1), late,
                Money.of("25000", "INR"), Money.of("0", "INR"), Money.of("0", "INR"), Money.of("25000", "INR")));
        String position = Long.toString(store.append("Lease", lease.id, 2, new RentChargeScheduled(
                new LeaseId(lease.id), new PropertyId(lease.propertyId), 1, inGrace, today, inGrace,
                Money.of("25000", "INR"), Money.of("0", "INR"), Money.of("0", "INR"), Money.of("25000", "INR"))));

        Response schedule = as(asha, "tenant").get("/api/leases/" + lease.id + "/schedule",
                                                   "X-Await-Position", position);

        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        JsonNode charges = schedule.json().path("charges");
        assertThat(charges.get(0).path("status").asString()).isEqualTo("overdue");
        assertThat(charges.get(0).path("lateFee").path("amount").asString()).isEqualTo("0.00");
        assertThat(charges.get(1).path("status").asString()).isEqualTo("pending");
        JsonNode overdue = as(asha, "tenant").get("/api/rent-charges/overdue").json().path("items");
        assertThat(overdue.size()).isEqualTo(1);
        assertThat(overdue.get(0).path("charge").path("dueDate").asString()).isEqualTo(late.toString());
    }

    @Test
    void someoneNotPartyToItGetsTheSame404AsForAnUnknownLease() {
        String position = applied();
        Response unknown = as(owner, "owner").get("/api/leases/" + UUID.randomUUID(), "X-Await-Position", position);

        for (String role : List.of("owner", "tenant", "agent", "property_manager")) {
            Response r = as(UUID.randomUUID(), role).get("/api/leases/" + lease.id);
            assertThat(r.status()).as(role).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.json().path("title")).isEqualTo(unknown.json().path("title"));
            assertThat(as(UUID.randomUUID(), role).get("/api/leases").json().path("items").size()).as(role).isZero();
        }
        for (String role : List.of("admin", "super_admin", "auditor", "analyst")) {
            assertThat(as(UUID.randomUUID(), role).get("/api/leases/" + lease.id).status()).as(role).isEqualTo(200);
        }
        assertThat(as(UUID.randomUUID(), "field_executive").get("/api/leases/" + lease.id).status()).isEqualTo(403);
        assertThat(new ApiClient("http://localhost:" + port).get("/api/leases").status()).isEqualTo(401);
    }

    @Test
    void theListShowsTheCallersLeasesWithFilters() {
        String position = applied();
        LeaseTestEvents proposal = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        String last = Long.toString(store.append("Lease", proposal.id, 0, proposal.proposed(owner, ravi)));

        Response mine = as(owner, "owner").get("/api/leases", "X-Await-Position", last);
        Response applications = as(owner, "owner").get("/api/leases?application=true");
        Response ofProperty = as(ravi, "tenant").get("/api/leases?propertyId=" + proposal.propertyId + "&status=draft");
        Response asAuditor = as(UUID.randomUUID(), "auditor").get("/api/leases?propertyId=" + lease.propertyId);

        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(ids(mine)).containsExactly(proposal.id.toString(), lease.id.toString());
        assertThat(mine.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(applications)).containsExactly(lease.id.toString());
        assertThat(ids(ofProperty)).containsExactly(proposal.id.toString());
        assertThat(ids(asAuditor)).containsExactly(lease.id.toString());
        assertThat(ids(as(asha, "tenant").get("/api/leases", "X-Await-Position", position)))
                .containsExactly(lease.id.toString());
    }

    @Test
    void badParametersAreNamed() {
        Response r = as(owner, "owner").get("/api/leases?propertyId=nope&status=signed&application=maybe&size=0");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                   .containsExactlyInAnyOrder("propertyId", "status", "application", "size");
    }

    @Test
    void rebuildingTheLeasesGivesTheSameAnswers() {
        UUID property = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            LeaseTestEvents each = new LeaseTestEvents(property, UUID.randomUUID(), owner);
            store.append("Lease", each.id, 0, each.proposed(asha, asha, ravi));
            store.append("Lease", each.id, 1, each.approved(LeaseParty.TENANT, ravi, LeaseApprovalStatus.PENDING));
            if (i % 2 == 0) {
                store.append("Lease", each.id, 2, each.approved(LeaseParty.TENANT, asha,
                                                                LeaseApprovalStatus.TENANT_APPROVED));
                store.append("Lease", each.id, 3, each.approved(LeaseParty.OWNER, owner,
                                                                LeaseApprovalStatus.FULLY_APPROVED));
                store.append("Lease", each.id, 4, each.signed(LeaseParty.OWNER, owner, false));
            }
        }
        String head = Long.toString(store.head());
        ApiClient auditor = as(UUID.randomUUID(), "auditor");
        String list = "/api/leases?propertyId=" + property;
        JsonNode before = auditor.get(list, "X-Await-Position", head).json();
        assertThat(before.path("total").asLong()).isEqualTo(4);
        // A change no event explains must not survive a rebuild.
        jdbc.update("UPDATE lease SET status = 'active' WHERE property_id = ?", property);

        Rebuilds.rebuild(as(UUID.randomUUID(), "admin"), LeaseProjector.PROCESSING_GROUP, head);

        assertThat(auditor.get(list, "X-Await-Position", head).json()).isEqualTo(before);
    }

    private static List<String> ids(Response r) {
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
