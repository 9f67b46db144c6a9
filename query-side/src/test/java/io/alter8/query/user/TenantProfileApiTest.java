package io.alter8.query.user;

import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.user.Role;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.lease.LeaseTestEvents;
import io.alter8.query.property.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.user.UserTestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner reads the accounts of the tenants of their properties, and lists those tenants, through HTTP; the leases
 * are the property's occupancy events appended to the real event store. Rebuilding the read model changes nothing.
 */
@QuerySideTest
class TenantProfileApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();
    UUID owner = UUID.randomUUID();

    ApiClient as(UUID userId, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(userId, role));
    }

    ApiClient asOwner() {
        return as(owner, "owner");
    }

    /** A new tenant with a profile (masked identity numbers); answers their id. */
    UUID tenant(String firstName, String lastName) {
        UUID id = UUID.randomUUID();
        store.append("UserAccount", id, 0, registered(id, firstName, lastName, Role.TENANT));
        store.append("UserAccount", id, 1, UserTestEvents.tenantProfile(id));
        return id;
    }

    /** A published property of the owner whose unit {@code tenants} lease; answers the position of the lease. */
    long lease(TestEvents.Listing property, UUID lease, UUID... tenants) {
        property.publish(store);
        return property.append(store, property.occupied(property.unitId, lease, tenants));
    }

    static String await(long position) {
        return Long.toString(position);
    }

    @Test
    void anOwnerSeesTheMaskedAccountOfTheirTenant() {
        UUID tenant = tenant("Meera", "Iyer");
        long leased = lease(new TestEvents.Listing().owner(owner), UUID.randomUUID(), tenant);

        Response r = asOwner().get("/api/users/" + tenant, "X-Await-Position", await(leased));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode user = r.json();
        assertThat(user.path("firstName").asString()).isEqualTo("Meera");
        assertThat(user.path("phoneMasked").asString()).isEqualTo("+9XXXXX210");
        assertThat(user.path("tenant").path("aadhaarMasked").asString()).isEqualTo("XXXXXXXX9012");
        assertThat(user.path("tenant").path("panMasked").asString()).isEqualTo("XXXXXX234F");
        assertThat(r.body()).doesNotContain("+919876543210").doesNotContain(UserTestEvents.CIPHERTEXT)
                            .doesNotContain("key-1");
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(Long.parseLong(r.header("X-Read-Position"))).isGreaterThanOrEqualTo(leased);
    }

    @Test
    void anOwnerSeesAnApplicantOnceTheTenantHasAppliedThemself() {
        UUID applicant = tenant("Asha", "Bhat");
        UUID named = tenant("Meera", "Iyer");
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        property.publish(store);
        LeaseTestEvents application = new LeaseTestEvents(property.id, property.unitId, owner);
        LeaseTestEvents proposal = new LeaseTestEvents(property.id, property.unitId, owner);
        store.append("Lease", application.id, 0, application.proposed(applicant, applicant));
        long proposed = store.append("Lease", proposal.id, 0, proposal.proposed(owner, named));

        // Naming someone in a proposal shows the owner nothing of them: only the tenant's own act does.
        assertThat(asOwner().get("/api/users/" + applicant, "X-Await-Position", await(proposed)).status())
                .isEqualTo(200);
        assertThat(asOwner().get("/api/users/" + named).status()).isEqualTo(404);
        long agreed = store.append("Lease", proposal.id, 1,
                                   proposal.approved(LeaseParty.TENANT, named, LeaseApprovalStatus.TENANT_APPROVED));
        Response account = asOwner().get("/api/users/" + named, "X-Await-Position", await(agreed));
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        assertThat(account.json().path("firstName").asString()).isEqualTo("Meera");
        JsonNode relations = asOwner().get("/api/users/me/tenants?sort=lastName").json().path("items");
        assertThat(relations.valueStream().map(i -> i.path("relation").asString())).containsExactly("applied", "applied");
        assertThat(relations.get(0).path("leaseId").asString()).isEqualTo(application.id.toString());
        // Another owner still sees neither.
        assertThat(as(UUID.randomUUID(), "owner").get("/api/users/" + applicant).status()).isEqualTo(404);
    }

    @Test
    void anyoneButTheOwnerOfThePropertyGetsTheSame404AsForAnUnknownId() {
        UUID tenant = tenant("Meera", "Iyer");
        UUID coTenant = tenant("Kavya", "Iyer");
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        String leased = await(lease(property, UUID.randomUUID(), tenant, coTenant));
        assertThat(asOwner().get("/api/users/" + tenant, "X-Await-Position", leased).status()).isEqualTo(200);
        // Another owner with a property and tenants of their own.
        UUID otherOwner = UUID.randomUUID();
        UUID otherTenant = UUID.randomUUID();
        String other = await(lease(new TestEvents.Listing().owner(otherOwner), UUID.randomUUID(), otherTenant));

        Response unknown = as(otherOwner, "owner").get("/api/users/" + UUID.randomUUID());
        List<Response> refused = new ArrayList<>();
        refused.add(as(otherOwner, "owner").get("/api/users/" + tenant, "X-Await-Position", other));
        // Sharing a lease does not show a co-tenant's account; only the owner role reads tenants' accounts, and only
        // of its own properties.
        refused.add(as(coTenant, "tenant").get("/api/users/" + tenant));
        refused.add(as(UUID.randomUUID(), "agent").get("/api/users/" + tenant));
        refused.add(as(owner, "tenant").get("/api/users/" + tenant));
        refused.add(as(otherTenant, "owner").get("/api/users/" + tenant));

        for (Response r : refused) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.json().path("type")).isEqualTo(unknown.json().path("type"));
            assertThat(r.json().path("title")).isEqualTo(unknown.json().path("title"));
        }
    }

    @Test
    void aPastTenantStaysVisibleAfterTheUnitIsVacated() {
        UUID tenant = tenant("Meera", "Iyer");
        UUID lease = UUID.randomUUID();
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        lease(property, lease, tenant);
        long vacated = property.append(store, property.vacated(property.unitId, lease));

        Response account = asOwner().get("/api/users/" + tenant, "X-Await-Position", await(vacated));
        Response tenants = asOwner().get("/api/users/me/tenants");

        assertThat(account.status()).as(account.body()).isEqualTo(200);
        JsonNode item = tenants.json().path("items").get(0);
        assertThat(tenants.json().path("total").asLong()).isEqualTo(1);
        assertThat(item.path("tenant").path("id").asString()).isEqualTo(tenant.toString());
        assertThat(item.path("leaseId").asString()).isEqualTo(lease.toString());
        assertThat(item.path("relation").asString()).isEqualTo("leased");
        assertThat(item.path("endedAt").isNull()).isFalse();
    }

    @Test
    void theTenantsListShowsEachRelationWithTheTenantMaskedAndPages() {
        UUID asha = tenant("Asha", "Bhat");
        UUID ravi = tenant("Ravi", "Chandra");
        UUID meera = tenant("Meera", "Anand");
        TestEvents.Listing flat = new TestEvents.Listing().owner(owner).title("Flat in Indiranagar");
        TestEvents.Listing house = new TestEvents.Listing().owner(owner).title("House in Jayanagar");
        UUID flatLease = UUID.randomUUID();
        lease(flat, flatLease, asha, ravi);
        long last = lease(house, UUID.randomUUID(), meera);
        // Someone else's tenants are not listed.
        lease(new TestEvents.Listing(), UUID.randomUUID(), UUID.randomUUID());

        Response r = asOwner().get("/api/users/me/tenants?size=2", "X-Await-Position", await(last));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(0);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        // Newest first: the house's lease, then the flat's (its two tenants by id).
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("tenant").path("id").asString()).isEqualTo(meera.toString());
        assertThat(newest.path("tenant").path("firstName").asString()).isEqualTo("Meera");
        assertThat(newest.path("tenant").path("lastName").asString()).isEqualTo("Anand");
        assertThat(newest.path("tenant").path("phoneMasked").asString()).isEqualTo("+9XXXXX210");
        assertThat(newest.path("propertyId").asString()).isEqualTo(house.id.toString());
        assertThat(newest.path("propertyTitle").asString()).isEqualTo("House in Jayanagar");
        assertThat(newest.path("unitId").asString()).isEqualTo(house.unitId.toString());
        assertThat(newest.path("unitNumber").asString()).isEqualTo("1");
        assertThat(newest.path("relation").asString()).isEqualTo("leased");
        assertThat(newest.path("since").asString()).endsWith("Z");
        assertThat(newest.path("endedAt").isNull()).isTrue();
        assertThat(r.body()).doesNotContain("@example.com").doesNotContain("+919876543210")
                            .doesNotContain("XXXXXX234F");
        assertThat(tenantIds(asOwner().get("/api/users/me/tenants?size=2&page=1"))).hasSize(1);
        assertThat(tenantIds(asOwner().get("/api/users/me/tenants?sort=lastName")))
                .containsExactly(meera.toString(), asha.toString(), ravi.toString());
        assertThat(tenantIds(asOwner().get("/api/users/me/tenants?sort=lastName,desc")))
                .containsExactly(ravi.toString(), asha.toString(), meera.toString());
        assertThat(asOwner().get("/api/users/me/tenants?sort=since,asc").json().path("items").get(2)
                            .path("propertyId").asString()).isEqualTo(house.id.toString());
        assertThat(asOwner().get("/api/users/me/tenants?sort=email&size=101").fieldErrors())
                .containsExactlyInAnyOrder("size: must be between 1 and 100", "sort: can sort by lastName, since");
    }

    @Test
    void theTenantsListIsForOwnersAndNeedsAToken() {
        for (String role : List.of("tenant", "agent", "field_executive", "property_manager", "admin", "super_admin",
                                   "auditor", "analyst")) {
            Response r = as(UUID.randomUUID(), role).get("/api/users/me/tenants");
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.contentType()).as(role).hasValue("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/forbidden");
        }
        Response anonymous = new ApiClient("http://localhost:" + port).get("/api/users/me/tenants");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).hasValue("application/problem+json");
        Response none = as(UUID.randomUUID(), "owner").get("/api/users/me/tenants");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("items").size()).isZero();
        assertThat(none.json().path("total").asLong()).isZero();
    }

    @Test
    void theTenantsRouteDoesNotShadowOrGetShadowedByTheAccountRoutes() {
        UUID id = tenant("Asha", "Bhat");

        // "me" is no id, and "me/tenants" no account.
        Response me = as(id, "tenant").get("/api/users/me", "X-Await-Position", await(store.head()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(id.toString());
        assertThat(as(id, "owner").get("/api/users/me/tenants").json().has("items")).isTrue();
        assertThat(as(id, "tenant").get("/api/users/me/tenants").status()).isEqualTo(403);
        assertThat(as(id, "admin").get("/api/users/" + id + "/tenants").status()).isEqualTo(404);
    }

    @Test
    void rebuildingTheTenantRelationsGivesTheSameList() {
        for (int i = 0; i < 5; i++) {
            TestEvents.Listing property = new TestEvents.Listing().owner(owner).title("Home " + i);
            UUID ended = UUID.randomUUID();
            // Every property had a lease that ended, and has one that lasts.
            lease(property, ended, UUID.randomUUID(), UUID.randomUUID());
            property.append(store, property.vacated(property.unitId, ended),
                            property.occupied(property.unitId, UUID.randomUUID(), UUID.randomUUID()));
        }
        String head = await(store.head());
        String list = "/api/users/me/tenants?size=100";
        JsonNode before = asOwner().get(list, "X-Await-Position", head).json();
        assertThat(before.path("total").asLong()).isEqualTo(15);
        // A row no event explains must not survive a rebuild.
        UUID ownersProperty = UUID.fromString(before.path("items").get(0).path("propertyId").asString());
        jdbc.update("INSERT INTO tenant_relation (tenant_id, property_id, relation, since, version) "
                            + "VALUES (?, ?, 'applied', now(), 0)", UUID.randomUUID(), ownersProperty);

        Rebuilds.rebuild(as(UUID.randomUUID(), "admin"), "tenant-relations", head);

        assertThat(asOwner().get(list, "X-Await-Position", head).json()).isEqualTo(before);
    }

    static List<String> tenantIds(Response r) {
        List<String> ids = new ArrayList<>();
        r.json().path("items").forEach(item -> ids.add(item.path("tenant").path("id").asString()));
        return ids;
    }
}
