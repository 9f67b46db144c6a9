package io.alter8.query;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationType;
import io.alter8.infra.stack.ApiClient;
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
 * Every query route, called without a token, with a forged one, and with a token of each role: 401, 401, and then
 * exactly the admitted roles get past authorisation. {@code /api/users/{id}} of someone else answers 404 to
 * everyone but admins, auditors and the owners of a property the person leased (it does not say the account
 * exists); that is checked in the users tests, as a private property's 404 to outsiders is in the property tests,
 * and another party's lease's 404 in the lease tests. Another owner's token on a verification (404, and absent from their list) is checked here too.
 */
@QuerySideTest
class AccessMatrixTest {

    static final Set<String> ALL = Set.of("owner", "tenant", "agent", "field_executive", "property_manager", "admin",
                                          "super_admin", "auditor", "analyst");

    @LocalServerPort
    int port;

    @Test
    void everyRouteAdmitsExactlyItsRoles() {
        UUID property = UUID.randomUUID();
        Set<String> readers = Set.of("admin", "super_admin", "auditor", "analyst");
        Set<String> leaseReaders = Set.of("owner", "agent", "property_manager", "tenant", "admin", "super_admin",
                                          "auditor", "analyst");
        Set<String> verificationReaders = Set.of("admin", "super_admin", "auditor", "analyst", "field_executive",
                                                 "agent", "owner", "property_manager");
        Set<String> subscriptionReaders = Set.of("owner", "property_manager", "admin", "super_admin", "auditor",
                                                 "analyst");
        Set<String> documentPeople = Set.of("owner", "tenant", "agent", "field_executive", "property_manager",
                                            "admin", "super_admin");
        Set<String> chatParties = Set.of("owner", "tenant", "agent", "property_manager");
        Map<String, Set<String>> routes = Map.ofEntries(
                Map.entry("/api/properties", ALL),
                Map.entry("/api/properties/" + property, ALL),
                Map.entry("/api/properties/" + property + "/units", ALL),
                Map.entry("/api/properties/" + property + "/reviews", ALL),
                Map.entry("/api/properties/" + property + "/occupancy",
                          Set.of("owner", "property_manager", "admin", "super_admin")),
                Map.entry("/api/properties/mine", Set.of("owner")),
                // Someone else's portfolio: readers only (the owner themself is checked in the property tests).
                Map.entry("/api/owners/" + UUID.randomUUID() + "/properties", readers),
                Map.entry("/api/lookups/cities", ALL),
                Map.entry("/api/lookups/cities/" + UUID.randomUUID() + "/areas", ALL),
                Map.entry("/api/lookups/amenities", ALL),
                Map.entry("/api/notifications", ALL),
                Map.entry("/api/notifications/unread-count", ALL),
                Map.entry("/api/conversations", chatParties),
                Map.entry("/api/conversations/" + UUID.randomUUID(), chatParties),
                Map.entry("/api/conversations/" + UUID.randomUUID() + "/messages", chatParties),
                Map.entry("/api/conversations/" + UUID.randomUUID() + "/presence", chatParties),
                Map.entry("/api/users", Set.of("admin", "super_admin", "auditor")),
                Map.entry("/api/users/me", ALL),
                Map.entry("/api/users/me/tenants", Set.of("owner")),
                Map.entry("/api/users/me/managers", Set.of("owner")),
                Map.entry("/api/users/me/mandates", Set.of("property_manager")),
                Map.entry("/api/agents", ALL),
                Map.entry("/api/leases", leaseReaders),
                Map.entry("/api/leases/" + UUID.randomUUID(), leaseReaders),
                Map.entry("/api/leases/" + UUID.randomUUID() + "/schedule", leaseReaders),
                Map.entry("/api/leases/" + UUID.randomUUID() + "/ledger", leaseReaders),
                Map.entry("/api/rent-charges/overdue", leaseReaders),
                Map.entry("/api/rent-charges/upcoming", leaseReaders),
                Map.entry("/api/users/me/transactions/recent", leaseReaders),
                Map.entry("/api/users/" + UUID.randomUUID() + "/transactions/recent", leaseReaders),
                Map.entry("/api/rent-roll", Set.of("owner", "property_manager", "admin", "super_admin", "auditor",
                                                   "analyst")),
                // Tenants have no verifications; the others see their own part (checked in the verification tests).
                Map.entry("/api/verifications", verificationReaders),
                Map.entry("/api/verifications/" + UUID.randomUUID(), verificationReaders),
                Map.entry("/api/plans", ALL),
                Map.entry("/api/plans/" + UUID.randomUUID(), ALL),
                Map.entry("/api/features", ALL),
                Map.entry("/api/subscriptions/mine", subscriptionReaders),
                Map.entry("/api/subscriptions/" + UUID.randomUUID(), subscriptionReaders),
                Map.entry("/api/subscriptions/" + UUID.randomUUID() + "/billing", subscriptionReaders),
                Map.entry("/api/subscriptions/" + UUID.randomUUID() + "/recommendations", subscriptionReaders),
                Map.entry("/api/subscriptions/status", subscriptionReaders),
                Map.entry("/api/subscriptions/usage", subscriptionReaders),
                Map.entry("/api/admin/subscription-reports/revenue", Set.of("admin", "super_admin", "analyst")),
                Map.entry("/api/admin/subscription-reports/churn", Set.of("admin", "super_admin", "analyst")),
                Map.entry("/api/admin/subscription-reports/trial-conversion", Set.of("admin", "super_admin", "analyst")),
                Map.entry("/api/documents", documentPeople),
                Map.entry("/api/documents/" + UUID.randomUUID(), documentPeople),
                Map.entry("/api/properties/" + UUID.randomUUID() + "/media", documentPeople),
                Map.entry("/api/properties/" + UUID.randomUUID() + "/media/" + UUID.randomUUID(), documentPeople),
                Map.entry("/api/admin/processing-groups/property-listing/dead-letters", Set.of("admin", "super_admin")),
                Map.entry("/api/admin/processing-groups", Set.of("admin", "super_admin")),
                Map.entry("/api/admin/processing-groups/leases/rebuild", Set.of("admin", "super_admin")),
                // An unknown group: admitted roles get 404 at once instead of a stream that stays open.
                Map.entry("/api/admin/processing-groups/no-such-group/positions", Set.of("admin", "super_admin")),
                Map.entry("/actuator/processors", Set.of("admin", "super_admin")));
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        List<String> wrong = new ArrayList<>();
        routes.forEach((path, admitted) -> {
            check(wrong, path, "no token", anonymous.get(path).status(), Set.of(401));
            check(wrong, path, "forged token",
                  anonymous.withToken(TestTokens.forged(UUID.randomUUID(), "admin")).get(path).status(), Set.of(401));
            for (String role : ALL) {
                int status = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role)).get(path).status();
                if (admitted.contains(role) ? status == 401 || status == 403 : status != 403) {
                    wrong.add("GET " + path + " as " + role + ": " + status
                                      + (admitted.contains(role) ? ", expected to be let through" : ", expected 403"));
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherOwnersTokenDoesNotSeeAVerificationOfYourProperty() {
        UUID owner = UUID.randomUUID();
        UUID verification = UUID.randomUUID();
        UUID property = UUID.randomUUID();
        long position = EventStoreFixture.shared().append("PropertyVerification", verification, 0,
                new VerificationOpened(new VerificationId(verification), new PropertyId(property),
                                       VerificationType.STANDARD, new UserId(owner), new UserId(owner)));
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient mine = anonymous.withToken(TestTokens.mint(owner, "owner"));
        ApiClient other = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        String await = Long.toString(position);

        assertThat(mine.get("/api/verifications/" + verification, "X-Await-Position", await).status()).isEqualTo(200);
        assertThat(other.get("/api/verifications/" + verification, "X-Await-Position", await).status())
                .isEqualTo(404);
        assertThat(other.get("/api/verifications?propertyId=" + property).json().path("total").asLong()).isZero();
    }

    private static void check(List<String> wrong, String path, String who, int status, Set<Integer> expected) {
        if (!expected.contains(status)) {
            wrong.add("GET " + path + " as " + who + ": " + status + ", expected " + expected);
        }
    }
}
