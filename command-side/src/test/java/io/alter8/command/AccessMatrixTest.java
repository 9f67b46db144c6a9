package io.alter8.command;

import io.alter8.command.auth.TestUsers;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command route, called without a token, with a forged one, and with a token of each role. A role the route
 * does not admit gets 403 before its (here empty) body is looked at; a role it admits gets past authorisation
 * (any answer but 401/403: the empty body or unknown id then decides). Ownership — another user's profile — is in
 * the feature tests, where real accounts exist; for properties it is here too: another owner's token is refused on
 * every route of someone else's property.
 */
@CommandSideTest
class AccessMatrixTest {

    static final Set<String> ALL = Set.of("owner", "tenant", "agent", "field_executive", "property_manager", "admin",
                                          "super_admin", "auditor", "analyst");
    static final Set<String> REGISTRARS = Set.of("owner", "property_manager", "admin", "super_admin");
    static final Set<String> RUNNERS = Set.of("owner", "agent", "property_manager", "admin", "super_admin");
    static final Set<String> OWNERS = Set.of("owner", "admin", "super_admin");
    static final Set<String> TENANTS = Set.of("tenant");
    static final Set<String> ADMINS = Set.of("admin", "super_admin");
    static final Set<String> REVIEWERS = Set.of("field_executive", "admin", "super_admin");
    static final Set<String> LEASE_PARTIES = Set.of("owner", "agent", "property_manager", "tenant", "admin",
                                                    "super_admin");
    static final Set<String> LEASE_PAYERS = Set.of("tenant", "owner", "property_manager", "admin", "super_admin");
    static final Set<String> LEASE_MONEY = Set.of("owner", "property_manager", "admin", "super_admin");
    static final Set<String> REQUESTERS = Set.of("owner", "agent", "admin", "super_admin");
    static final Set<String> FIELD_EXECUTIVES = Set.of("field_executive");
    static final Set<String> OWNER = Set.of("owner");
    static final Set<String> DOCUMENT_PEOPLE = Set.of("owner", "tenant", "agent", "field_executive",
                                                      "property_manager", "admin", "super_admin");
    static final Set<String> AUDITORS = Set.of("auditor", "admin", "super_admin");
    static final Set<String> MEDIA_UPLOADERS = Set.of("owner", "agent", "field_executive", "property_manager",
                                                      "admin", "super_admin");

    record Route(String method, String path, Set<String> admitted) {
    }

    @LocalServerPort
    int port;

    static List<Route> routes() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Route("POST", "/api/properties", REGISTRARS),
                new Route("PUT", "/api/properties/" + id, RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/rental-terms", RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/monthly-rent", RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/amenities", RUNNERS),
                new Route("POST", "/api/properties/" + id + "/units", RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/units/" + id, RUNNERS),
                new Route("DELETE", "/api/properties/" + id + "/units/" + id, RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/listing-status", RUNNERS),
                new Route("PUT", "/api/properties/" + id + "/status", REGISTRARS),
                new Route("PUT", "/api/properties/" + id + "/hud-approval", REGISTRARS),
                new Route("PUT", "/api/properties/" + id + "/verification", ADMINS),
                new Route("PUT", "/api/properties/" + id + "/listing-agent", OWNERS),
                new Route("PUT", "/api/properties/" + id + "/manager", OWNERS),
                new Route("POST", "/api/properties/" + id + "/reviews", TENANTS),
                new Route("POST", "/api/admin/property-imports", ADMINS),
                new Route("POST", "/api/leases", LEASE_PARTIES),
                new Route("PUT", "/api/leases/" + id + "/terms", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/approval", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/rejection", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/signatures", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/activation", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/termination", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/notice", LEASE_PARTIES),
                new Route("POST", "/api/leases/" + id + "/payments", LEASE_PAYERS),
                new Route("POST", "/api/leases/" + id + "/late-fees/" + id + "/waiver", LEASE_MONEY),
                new Route("POST", "/api/leases/" + id + "/recurring-charges", LEASE_MONEY),
                new Route("POST", "/api/leases/" + id + "/deposit/deductions", LEASE_MONEY),
                new Route("POST", "/api/leases/" + id + "/deposit/refund", LEASE_MONEY),
                new Route("POST", "/api/leases/" + id + "/renewal", LEASE_MONEY),
                new Route("POST", "/api/properties/" + id + "/verifications", REQUESTERS),
                new Route("PUT", "/api/verifications/" + id + "/assignment", ADMINS),
                new Route("PUT", "/api/verifications/" + id + "/schedule", REVIEWERS),
                new Route("POST", "/api/verifications/" + id + "/start", FIELD_EXECUTIVES),
                new Route("POST", "/api/verifications/" + id + "/completion", REVIEWERS),
                new Route("POST", "/api/verifications/" + id + "/rejection", REVIEWERS),
                new Route("PUT", "/api/verifications/" + id + "/feedback", OWNER),
                new Route("POST", "/api/plans", ADMINS),
                new Route("PUT", "/api/plans/" + id, ADMINS),
                new Route("POST", "/api/plans/" + id + "/deactivation", ADMINS),
                new Route("PUT", "/api/features/new_feature", ADMINS),
                new Route("POST", "/api/subscriptions", REGISTRARS),
                new Route("PUT", "/api/subscriptions/" + id + "/plan", REGISTRARS),
                new Route("POST", "/api/subscriptions/" + id + "/cancellation", REGISTRARS),
                new Route("POST", "/api/subscriptions/" + id + "/reactivation", REGISTRARS),
                new Route("POST", "/api/subscriptions/" + id + "/recommendations", REGISTRARS),
                new Route("POST", "/api/subscriptions/" + id + "/recommendations/" + id + "/application", REGISTRARS),
                new Route("PUT", "/api/users/" + id + "/role", ADMINS),
                new Route("POST", "/api/users/" + id + "/deactivate", ADMINS),
                new Route("POST", "/api/users/" + id + "/erase", ADMINS),
                new Route("POST", "/api/users/" + id + "/erasure-request", ALL),
                new Route("POST", "/api/users/" + id + "/reactivate", ADMINS),
                new Route("POST", "/api/users/" + id + "/owner-kyc/review", ADMINS),
                new Route("POST", "/api/users/" + id + "/agent-licence/review", ADMINS),
                new Route("POST", "/api/users/" + id + "/tenant-screening", ADMINS),
                new Route("PUT", "/api/users/" + id + "/managers/" + id, OWNERS),
                new Route("DELETE", "/api/users/" + id + "/managers/" + id, OWNERS),
                new Route("POST", "/api/admin/users", ADMINS),
                new Route("GET", "/api/admin/identity-reviews", ADMINS),
                new Route("GET", "/api/admin/processing-groups", ADMINS),
                new Route("POST", "/api/admin/identity-reviews/" + id + "/resolution", ADMINS),
                new Route("GET", "/api/admin/notifications/dead-letters", ADMINS),
                new Route("POST", "/api/admin/notifications/dead-letters/" + id + "/retry", ADMINS),
                new Route("PUT", "/api/users/" + id + "/personal-details", ALL),
                new Route("GET", "/api/users/" + id + "/personal-data", ALL),
                new Route("GET", "/api/users/" + id + "/notification-preferences", ALL),
                new Route("PUT", "/api/users/" + id + "/notification-preferences", ALL),
                new Route("PUT", "/api/users/" + id + "/owner-profile", ALL),
                new Route("PUT", "/api/users/" + id + "/agent-profile", ALL),
                new Route("PUT", "/api/users/" + id + "/tenant-profile", ALL),
                new Route("POST", "/api/auth/logout", ALL),
                new Route("PUT", "/api/auth/two-factor", ALL),
                new Route("GET", "/api/auth/sessions", ALL),
                new Route("DELETE", "/api/auth/sessions/" + id, ALL),
                new Route("POST", "/api/users/me/api-keys", Set.of("owner", "property_manager")),
                new Route("GET", "/api/users/me/api-keys", Set.of("owner", "property_manager")),
                new Route("DELETE", "/api/users/me/api-keys/" + id, Set.of("owner", "property_manager")),
                new Route("GET", "/actuator/metrics", ADMINS),
                new Route("POST", "/api/documents", DOCUMENT_PEOPLE),
                new Route("POST", "/api/documents/" + id + "/versions", DOCUMENT_PEOPLE),
                new Route("POST", "/api/documents/" + id + "/signatures", DOCUMENT_PEOPLE),
                new Route("GET", "/api/documents/" + id + "/content", DOCUMENT_PEOPLE),
                new Route("PUT", "/api/documents/" + id + "/grants/" + id, DOCUMENT_PEOPLE),
                new Route("DELETE", "/api/documents/" + id + "/grants/" + id, DOCUMENT_PEOPLE),
                new Route("POST", "/api/properties/" + id + "/media", MEDIA_UPLOADERS),
                new Route("PUT", "/api/properties/" + id + "/media/" + id, MEDIA_UPLOADERS),
                new Route("PUT", "/api/properties/" + id + "/media/primary", MEDIA_UPLOADERS),
                new Route("PUT", "/api/properties/" + id + "/media/order", MEDIA_UPLOADERS),
                new Route("DELETE", "/api/properties/" + id + "/media/" + id, REGISTRARS),
                new Route("POST", "/api/properties/" + id + "/media/" + id + "/review", REVIEWERS),
                new Route("GET", "/api/properties/" + id + "/media/" + id + "/content", DOCUMENT_PEOPLE),
                new Route("GET", "/api/audit/property/" + id + "/events", AUDITORS),
                new Route("GET", "/api/audit/events", AUDITORS),
                new Route("GET", "/api/audit/property/" + id + "/state", AUDITORS),
                new Route("GET", "/api/audit/correlations/" + id, AUDITORS),
                new Route("GET", "/api/audit/checkpoints/latest", AUDITORS),
                new Route("GET", "/api/audit/checkpoints", AUDITORS),
                new Route("POST", "/api/audit/checkpoints", AUDITORS),
                new Route("GET", "/api/audit/public-key", AUDITORS),
                new Route("GET", "/api/audit/keys", AUDITORS),
                new Route("GET", "/api/audit/proofs/inclusion?position=1", AUDITORS),
                new Route("GET", "/api/audit/proofs/consistency?from=0", AUDITORS),
                new Route("GET", "/api/audit/verify?aggregateType=property&id=" + id, AUDITORS),
                new Route("GET", "/api/audit/export", AUDITORS));
    }

    Response call(ApiClient api, Route route) {
        return switch (route.method()) {
            case "GET" -> api.get(route.path());
            case "POST" -> api.post(route.path(), "{}");
            case "PUT" -> api.put(route.path(), "{}");
            case "DELETE" -> api.delete(route.path());
            default -> throw new IllegalArgumentException(route.method());
        };
    }

    @Test
    void everyRouteAdmitsExactlyItsRoles() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            expect(wrong, route, "no token", call(anonymous, route).status(), 401);
            expect(wrong, route, "forged token",
                   call(anonymous.withToken(TestTokens.forged(UUID.randomUUID(), "super_admin")), route).status(), 401);
            for (String role : ALL) {
                int status = call(anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role)), route).status();
                if (route.admitted().contains(role)) {
                    if (status == 401 || status == 403) {
                        wrong.add(route + " as " + role + ": " + status + ", expected to be let through");
                    }
                } else {
                    expect(wrong, route, role, status, 403);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A private property answers another owner as an unknown id would (404, not 403: that would say it exists), on
     * every route owners may use.
     */
    @Test
    void anotherOwnersTokenIsRefusedOnEveryRouteOfAProperty() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        ApiClient other = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        String property = PropertyBodies.apartment(null, null, "Flat", "20000");
        Response created = owner.post("/api/properties", property);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (PropertyBodies.Change change : PropertyBodies.changes(created.json().path("id").asString())) {
            Response r = change.send(other);
            // Routes no owner may use (admins' outcome, tenants' reviews) refuse at the door, whatever the id.
            int expected = change.path().endsWith("/verification") || change.path().endsWith("/reviews") ? 403 : 404;
            assertThat(r.status()).as(change.path() + " " + r.body()).isEqualTo(expected);
        }
    }

    @Test
    void anotherOwnersOrTenantsTokenIsRefusedOnEveryRouteOfALease() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String property = created.json().path("id").asString();
        assertThat(owner.put("/api/properties/" + property + "/status", "{\"status\": \"active\"}").status())
                .isEqualTo(200);
        UUID tenant = TestUsers.register(anonymous, "tenant", "a long enough password").id();
        String terms = """
                {"startDate": "2026-01-01", "endDate": "2027-01-01", "monthlyRent": {"amount": "20000",
                 "currency": "INR"}}""";
        Response lease = owner.post("/api/leases", "{\"propertyId\": \"%s\", \"tenantIds\": [\"%s\"], \"terms\": %s}"
                .formatted(property, tenant, terms));
        assertThat(lease.status()).as(lease.body()).isEqualTo(201);
        String path = "/api/leases/" + lease.json().path("id").asString();
        List<Route> changes = List.of(
                new Route("PUT", path + "/terms", LEASE_PARTIES), new Route("POST", path + "/approval", LEASE_PARTIES),
                new Route("POST", path + "/rejection", LEASE_PARTIES),
                new Route("POST", path + "/signatures", LEASE_PARTIES),
                new Route("POST", path + "/activation", LEASE_PARTIES),
                new Route("POST", path + "/termination", LEASE_PARTIES),
                new Route("POST", path + "/notice", LEASE_PARTIES),
                new Route("POST", path + "/payments", LEASE_PAYERS),
                new Route("POST", path + "/late-fees/" + UUID.randomUUID() + "/waiver", LEASE_MONEY),
                new Route("POST", path + "/recurring-charges", LEASE_MONEY),
                new Route("POST", path + "/deposit/deductions", LEASE_MONEY),
                new Route("POST", path + "/deposit/refund", LEASE_MONEY));
        String money = "{\"amount\": \"100\", \"currency\": \"INR\"}";
        Map<String, String> moneyBodies = Map.of(
                "/payments", "{\"amount\": %s, \"method\": \"upi\", \"paidAt\": \"2026-01-05T10:00:00Z\"}"
                        .formatted(money),
                "/waiver", "{\"reason\": \"goodwill\"}",
                "/recurring-charges", "{\"type\": \"utility\", \"amount\": %s, \"dayOfMonth\": 1, "
                        .formatted(money) + "\"startDate\": \"2026-02-01\"}",
                "/deductions", "{\"amount\": %s, \"reason\": \"broken tap\"}".formatted(money),
                "/refund", "{}",
                "/notice", "{\"terminationDate\": \"2099-01-01\"}");
        for (String role : List.of("owner", "tenant", "agent", "property_manager")) {
            ApiClient stranger = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role));
            for (Route change : changes) {
                if (!change.admitted().contains(role)) {
                    continue;
                }
                String body = moneyBodies.keySet().stream().filter(change.path()::endsWith).findFirst()
                                         .map(moneyBodies::get).orElse(null);
                body = body != null ? body : change.path().endsWith("/terms") ? terms
                        : change.path().endsWith("/termination") ? "{\"terminationDate\": \"2026-06-01\"}"
                        : change.path().endsWith("/signatures")
                        ? "{\"as\": \"%s\", \"signatureUrl\": \"https://sign.example/x\"}".formatted(
                                "tenant".equals(role) ? "tenant" : "owner")
                        : "{}";
                Response r = "PUT".equals(change.method()) ? stranger.put(change.path(), body)
                                                           : stranger.post(change.path(), body);
                assertThat(r.status()).as(role + " " + change + " " + r.body()).isEqualTo(403);
            }
        }
    }

    /** The owner's routes of a verification (feedback) refuse another owner; its other routes admit no owner. */
    @Test
    void anotherOwnersTokenIsRefusedOnEveryRouteOfAVerification() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        ApiClient other = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        String property = created.json().path("id").asString();
        Response requested = owner.post("/api/properties/" + property + "/verifications", "{\"type\": \"standard\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String base = "/api/verifications/" + requested.json().path("id").asString();
        List<Response> answers = List.of(
                other.put(base + "/feedback", "{\"executiveRating\": 5}"),
                other.put(base + "/assignment", "{\"fieldExecutiveId\": \"" + UUID.randomUUID() + "\"}"),
                other.put(base + "/schedule", "{\"scheduledAt\": \"2099-01-01T10:00:00Z\"}"),
                other.post(base + "/start", ""),
                other.post(base + "/completion", "{\"qualityScore\": 5}"),
                other.post(base + "/rejection", "{\"reason\": \"no\"}"));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(403));
    }

    private static void expect(List<String> wrong, Route route, String who, int status, int expected) {
        if (status != expected) {
            wrong.add(route.method() + " " + route.path() + " as " + who + ": " + status + ", expected " + expected);
        }
    }
}
