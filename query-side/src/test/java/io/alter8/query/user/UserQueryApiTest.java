package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.user.UserTestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The user and agent directories through HTTP, fed by events appended to the real event store. */
@QuerySideTest
class UserQueryApiTest {

    static final String USER = "UserAccount";

    @LocalServerPort
    int port;
    EventStoreFixture store = EventStoreFixture.shared();
    /** Every test's users carry a marker of their own in their last name, so tests do not see each other's. */
    String marker = "m" + UUID.randomUUID().toString().substring(0, 8);

    ApiClient as(UUID userId, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(userId, role));
    }

    ApiClient as(String role) {
        return as(UUID.randomUUID(), role);
    }

    long register(UUID id, String firstName, Role role) {
        return store.append(USER, id, 0, registered(id, firstName, "Rao-" + marker, role));
    }

    @Test
    void aFreshSignUpSeesItsOwnAccountWithAwaitPosition() {
        UUID id = UUID.randomUUID();
        long position = register(id, "Asha", Role.OWNER);

        Response r = as(id, "owner").get("/api/users/me", "X-Await-Position", Long.toString(position));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        JsonNode me = r.json();
        assertThat(me.path("id").asString()).isEqualTo(id.toString());
        assertThat(me.path("email").asString()).isEqualTo("asha." + id + "@example.com");
        assertThat(me.path("phoneMasked").asString()).isEqualTo("+9XXXXX210");
        assertThat(me.path("role").asString()).isEqualTo("owner");
        assertThat(me.path("country").asString()).isEqualTo("IN");
        assertThat(me.path("status").asString()).isEqualTo("active");
        assertThat(me.path("emailVerified").asBoolean()).isFalse();
        assertThat(me.path("owner").path("kycStatus").asString()).isEqualTo("pending");
        assertThat(r.body()).doesNotContain("+919876543210");
    }

    @Test
    void ownAccountShowsIdentityNumbersMaskedOnly() {
        UUID id = UUID.randomUUID();
        register(id, "Asha", Role.OWNER);
        long position = store.append(USER, id, 1, UserTestEvents.ownerProfile(id));

        Response r = as(id, "owner").get("/api/users/me", "X-Await-Position", Long.toString(position));

        assertThat(r.json().path("owner").path("panMasked").asString()).isEqualTo("XXXXXX234F");
        assertThat(r.json().path("owner").path("bankAccountMasked").asString()).isEqualTo("XXXXXXXX4321");
        assertThat(r.body()).doesNotContain(UserTestEvents.CIPHERTEXT).doesNotContain("key-1");
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void ownAccountIsA404UntilTheReadModelHasIt() {
        long position = register(UUID.randomUUID(), "Other", Role.TENANT);
        Response r = as("tenant").get("/api/users/me", "X-Await-Position", Long.toString(position));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/not-found");
    }

    @Test
    void oneAccountIsForThePersonAdminsAndAuditorsAndA404ForAnyoneElse() {
        UUID id = UUID.randomUUID();
        String await = Long.toString(register(id, "Meera", Role.TENANT));

        assertThat(as(id, "tenant").get("/api/users/" + id, "X-Await-Position", await).status()).isEqualTo(200);
        assertThat(as("admin").get("/api/users/" + id).json().path("firstName").asString()).isEqualTo("Meera");
        assertThat(as("super_admin").get("/api/users/" + id).status()).isEqualTo(200);
        assertThat(as("auditor").get("/api/users/" + id).status()).isEqualTo(200);

        for (String role : List.of("tenant", "owner", "agent", "field_executive", "property_manager", "analyst")) {
            Response other = as(role).get("/api/users/" + id);
            assertThat(other.status()).as(role).isEqualTo(404);
            // Exactly what an unknown id answers, but for the id itself: nothing tells that the account exists.
            Response unknown = as(role).get("/api/users/" + UUID.randomUUID());
            assertThat(other.json().path("type")).isEqualTo(unknown.json().path("type"));
            assertThat(other.json().path("title")).isEqualTo(unknown.json().path("title"));
        }
        assertThat(as("admin").get("/api/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(as("admin").get("/api/users/not-a-uuid").fieldErrors()).containsExactly("id: has an invalid value");
    }

    @Test
    void everyUserRouteNeedsAToken() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        for (String path : List.of("/api/users", "/api/users/me", "/api/users/" + UUID.randomUUID(), "/api/agents")) {
            Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void onlyAdminsSuperAdminsAndAuditorsListUsers() {
        for (String role : List.of("owner", "tenant", "agent", "field_executive", "property_manager", "analyst")) {
            Response r = as(role).get("/api/users");
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.contentType()).as(role).hasValue("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/forbidden");
        }
        for (String role : List.of("admin", "super_admin", "auditor")) {
            assertThat(as(role).get("/api/users").status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void usersListFiltersByRoleStatusVerificationAndText() {
        UUID owner = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        register(owner, "Asha", Role.OWNER);
        register(tenant, "Meera", Role.TENANT);
        register(gone, "Vikram", Role.TENANT);
        store.append(USER, owner, 1, UserTestEvents.emailVerified(owner, "asha." + owner + "@example.com"));
        store.append(USER, tenant, 1, UserTestEvents.phoneVerified(tenant, "+919876543210"));
        long last = store.append(USER, gone, 1, new UserDeactivated(new UserId(gone), "left", null));
        ApiClient admin = as("admin");
        String list = "/api/users?q=" + marker.toUpperCase() + "&sort=lastName";

        assertThat(ids(admin.get(list, "X-Await-Position", Long.toString(last))))
                .containsExactlyInAnyOrder(owner.toString(), tenant.toString(), gone.toString());
        assertThat(ids(admin.get(list + "&role=tenant"))).containsExactlyInAnyOrder(tenant.toString(), gone.toString());
        assertThat(ids(admin.get(list + "&status=inactive"))).containsExactly(gone.toString());
        assertThat(ids(admin.get(list + "&status=active&role=tenant"))).containsExactly(tenant.toString());
        assertThat(ids(admin.get(list + "&emailVerified=true"))).containsExactly(owner.toString());
        assertThat(ids(admin.get(list + "&phoneVerified=true"))).containsExactly(tenant.toString());
        assertThat(ids(admin.get(list + "&emailVerified=false&phoneVerified=false"))).containsExactly(gone.toString());
        // q also matches first names and e-mail addresses, case-insensitively
        assertThat(ids(admin.get("/api/users?q=vikram&role=tenant&status=inactive&size=100")))
                .contains(gone.toString());
        assertThat(ids(admin.get("/api/users?q=" + owner.toString().toUpperCase()))).containsExactly(owner.toString());
        // % and _ are matched as themselves, not as wildcards
        assertThat(ids(admin.get("/api/users?q=" + marker + "%25"))).isEmpty();
    }

    @Test
    void usersListFiltersByTheReviewOfEachRole() {
        UUID keptOwner = UUID.randomUUID();
        UUID newOwner = UUID.randomUUID();
        UUID screenedTenant = UUID.randomUUID();
        UUID failedTenant = UUID.randomUUID();
        UUID licensedAgent = UUID.randomUUID();
        UUID reachableExecutive = UUID.randomUUID();
        UUID silentExecutive = UUID.randomUUID();
        register(keptOwner, "Asha", Role.OWNER);
        register(newOwner, "Ravi", Role.OWNER);
        register(screenedTenant, "Meera", Role.TENANT);
        register(failedTenant, "Kavya", Role.TENANT);
        register(licensedAgent, "Arjun", Role.AGENT);
        register(reachableExecutive, "Dev", Role.FIELD_EXECUTIVE);
        register(silentExecutive, "Isha", Role.FIELD_EXECUTIVE);
        store.append(USER, keptOwner, 1, new OwnerKycStatusChanged(new UserId(keptOwner), KycStatus.PENDING,
                                                                   KycStatus.VERIFIED, null, UserId.random()));
        store.append(USER, screenedTenant, 1, UserTestEvents.screening(screenedTenant, CheckStatus.PASSED,
                                                                       CheckStatus.PENDING));
        store.append(USER, failedTenant, 1, UserTestEvents.screening(failedTenant, CheckStatus.FAILED,
                                                                     CheckStatus.PASSED));
        store.append(USER, licensedAgent, 1, UserTestEvents.licenceReviewed(licensedAgent,
                AgentVerificationStatus.PENDING, AgentVerificationStatus.VERIFIED));
        store.append(USER, reachableExecutive, 1,
                     UserTestEvents.emailVerified(reachableExecutive, "dev." + reachableExecutive + "@example.com"));
        long last = store.append(USER, reachableExecutive, 2,
                                 UserTestEvents.phoneVerified(reachableExecutive, "+919876543210"));
        ApiClient admin = as("admin");
        String list = "/api/users?q=" + marker + "&size=100&verified=";

        assertThat(ids(admin.get(list + "true", "X-Await-Position", Long.toString(last))))
                .containsExactlyInAnyOrder(keptOwner.toString(), screenedTenant.toString(), licensedAgent.toString(),
                                           reachableExecutive.toString());
        assertThat(ids(admin.get(list + "false")))
                .containsExactlyInAnyOrder(newOwner.toString(), failedTenant.toString(), silentExecutive.toString());
        assertThat(admin.get("/api/users/" + keptOwner).json().path("verified").asBoolean()).isTrue();
        assertThat(admin.get("/api/users/" + failedTenant).json().path("verified").asBoolean()).isFalse();
        assertThat(admin.get("/api/users/" + reachableExecutive).json().path("verified").asBoolean()).isTrue();
        assertThat(admin.get(list + "perhaps").fieldErrors()).containsExactly("verified: must be true or false");
    }

    @Test
    void usersListSortsAndPages() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        register(first, "A", Role.OWNER);
        register(second, "B", Role.OWNER);
        register(third, "C", Role.OWNER);
        store.append(USER, first, 1, new UserLoggedIn(new UserId(first), Instant.parse("2026-11-20T09:00:00Z")));
        long last = store.append(USER, third, 1,
                                 new UserLoggedIn(new UserId(third), Instant.parse("2026-11-21T09:00:00Z")));
        ApiClient auditor = as("auditor");
        String list = "/api/users?q=" + marker;

        assertThat(ids(auditor.get(list + "&sort=registeredAt,asc", "X-Await-Position", Long.toString(last))))
                .containsExactly(first.toString(), second.toString(), third.toString());
        assertThat(ids(auditor.get(list + "&sort=registeredAt,desc")))
                .containsExactly(third.toString(), second.toString(), first.toString());
        // Never logged in goes last, whichever the direction.
        assertThat(ids(auditor.get(list + "&sort=lastLoginAt,desc")))
                .containsExactly(third.toString(), first.toString(), second.toString());
        Response page = auditor.get(list + "&sort=registeredAt&page=1&size=2");
        assertThat(page.json().path("total").asLong()).isEqualTo(3);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().path("size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(third.toString());
        JsonNode user = auditor.get(list + "&sort=lastLoginAt,desc").json().path("items").get(0);
        assertThat(user.path("lastLoginAt").asString()).isEqualTo("2026-11-21T09:00:00Z");
    }

    @Test
    void badUsersListParametersAreA400ListingEachOne() {
        Response r = as("admin").get("/api/users?role=landlord&status=deactivated&emailVerified=yes"
                                             + "&phoneVerified=1&page=-1&size=0&sort=password,sideways");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "role: must be one of: owner, tenant, agent, field_executive, property_manager, admin, super_admin, "
                        + "auditor, analyst",
                "status: must be one of: active, inactive, erased",
                "emailVerified: must be true or false",
                "phoneVerified: must be true or false",
                "page: must be 0 or more",
                "size: must be between 1 and 100",
                "sort: can sort by lastLoginAt, lastName, registeredAt",
                "sort: direction must be asc or desc");
    }

    @Test
    void agentDirectoryShowsVerifiedActiveAgentsOnly() {
        String city = "City-" + marker;
        UUID veteran = verifiedAgent(city, 12, "residential");
        UUID junior = verifiedAgent(city, 2, "Commercial", "residential");
        UUID pending = UUID.randomUUID();
        register(pending, "Pending", Role.AGENT);
        store.append(USER, pending, 1, UserTestEvents.agentProfile(pending, city, 5, "residential"));
        UUID suspended = verifiedAgent(city, 8, "residential");
        store.append(USER, suspended, 3, UserTestEvents.licenceReviewed(suspended, AgentVerificationStatus.VERIFIED,
                                                                        AgentVerificationStatus.SUSPENDED));
        UUID deactivated = verifiedAgent(city, 9, "residential");
        long last = store.append(USER, deactivated, 3, new UserDeactivated(new UserId(deactivated), "left", null));
        ApiClient tenant = as("tenant");

        Response r = tenant.get("/api/agents?city=" + city.toLowerCase(), "X-Await-Position", Long.toString(last));
        assertThat(ids(r)).containsExactly(veteran.toString(), junior.toString());
        JsonNode agent = r.json().path("items").get(0);
        assertThat(agent.path("phoneMasked").asString()).isEqualTo("+9XXXXX210");
        assertThat(agent.path("reraLicence").asString()).isEqualTo("PRM/KA/RERA/1251/12");
        assertThat(agent.path("experienceYears").asInt()).isEqualTo(12);
        assertThat(agent.path("commissionRate").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(agent.path("serviceAreas").get(0).path("city").asString()).isEqualTo(city);
        assertThat(agent.has("email")).isFalse();
        assertThat(r.body()).doesNotContain("@example.com").doesNotContain("+919876543210");

        assertThat(ids(tenant.get("/api/agents?city=" + city + "&specialisation=COMMERCIAL")))
                .containsExactly(junior.toString());
        assertThat(ids(tenant.get("/api/agents?city=" + city + "&sort=experienceYears,asc")))
                .containsExactly(junior.toString(), veteran.toString());
        assertThat(ids(tenant.get("/api/agents?city=" + city + "&sort=registeredAt,desc")))
                .containsExactly(junior.toString(), veteran.toString());
        // a city must be a whole service area, not part of one
        assertThat(ids(tenant.get("/api/agents?city=" + city.substring(0, city.length() - 2)))).isEmpty();
        Response page = as("owner").get("/api/agents?city=" + city + "&page=1&size=1");
        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(junior.toString());
    }

    @Test
    void badAgentDirectoryParametersAreA400ListingEachOne() {
        Response r = as("agent").get("/api/agents?page=-2&size=101&sort=stars,best");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "page: must be 0 or more",
                "size: must be between 1 and 100",
                "sort: can sort by experienceYears, rating, registeredAt",
                "sort: direction must be asc or desc");
    }

    private UUID verifiedAgent(String city, int experienceYears, String... specialisations) {
        UUID id = UUID.randomUUID();
        register(id, "Agent" + experienceYears, Role.AGENT);
        store.append(USER, id, 1, UserTestEvents.agentProfile(id, city, experienceYears, specialisations));
        store.append(USER, id, 2, UserTestEvents.licenceReviewed(id, AgentVerificationStatus.PENDING,
                                                                 AgentVerificationStatus.VERIFIED));
        return id;
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
