package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.processing.ProcessorPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user's recent transactions over HTTP, and their Redis entry {@code transactions:recent:{userId}}: served from
 * Redis, gone once a new payment is committed, cleared by a rebuild; the user's own and, for admins, anyone's;
 * 401 without a token, 403 for a role that is party to no lease, 404 for another user's.
 */
@QuerySideTest
class RecentTransactionsApiTest {

    /** After the deposit was held (stamped by the store's clock when appended): the list is newest first. */
    static final Instant PAID = Instant.now().plus(Duration.ofHours(1));

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ProcessorPositions positions;
    EventStoreFixture store = EventStoreFixture.shared();
    final UUID owner = UUID.randomUUID();
    final UUID asha = UUID.randomUUID();
    final LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
    final LeaseId leaseId = new LeaseId(lease.id);

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    PaymentRecorded payment(String amount, String reference, int minutesLater) {
        return new PaymentRecorded(leaseId, UUID.randomUUID(), new PropertyId(lease.propertyId),
                                   Money.of(amount, "INR"), PaymentMethod.UPI, PAID.plusSeconds(60L * minutesLater),
                                   "razorpay", "pay_" + UUID.randomUUID(), reference, new UserId(asha));
    }

    /** Asha's lease with its deposit held and one payment; answers the position to await. */
    String leaseWithAPayment() {
        long proposed = store.append("Lease", lease.id, 0, lease.proposed(asha, asha));
        // The eviction finds the lease's parties in the leases read model: it has them before any money moves.
        await().atMost(Duration.ofSeconds(10)).until(
                () -> positions.lowestPosition(List.of(LeaseProjector.PROCESSING_GROUP)).orElse(-1) >= proposed);
        store.append("Lease", lease.id, 1, new SecurityDepositHeld(leaseId, Money.of("50000", "INR")));
        return Long.toString(store.append("Lease", lease.id, 2, payment("25000", "December", 0)));
    }

    static List<String> movements(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(t -> t.path("kind").asString() + " "
                + t.path("amount").path("amount").asString() + " "
                + (t.hasNonNull("reference") ? t.path("reference").asString() : "-")).toList();
    }

    @Test
    void eachPartySeesTheLeasesMovementsNewestFirstAndANewPaymentReplacesTheCachedList() {
        String position = leaseWithAPayment();
        ApiClient tenant = as(asha, "tenant");

        List<String> first = movements(tenant.get("/api/users/me/transactions/recent", "X-Await-Position", position));

        assertThat(first).containsExactly("payment 25000.00 December", "deposit_held 50000.00 -");
        assertThat(redis.opsForValue().get(RecentTransactions.key(asha))).contains("December");
        assertThat(movements(as(owner, "owner").get("/api/users/me/transactions/recent")))
                .isEqualTo(first);
        assertThat(movements(as(UUID.randomUUID(), "tenant").get("/api/users/me/transactions/recent"))).isEmpty();

        store.append("Lease", lease.id, 3, payment("5000", "top-up", 5));

        // No position awaited: only the eviction after the commit can replace the cached list this soon.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(movements(tenant.get("/api/users/me/transactions/recent")))
                        .containsExactly("payment 5000.00 top-up", "payment 25000.00 December",
                                         "deposit_held 50000.00 -"));
        assertThat(movements(as(UUID.randomUUID(), "admin").get("/api/users/" + owner + "/transactions/recent")))
                .hasSize(3);
    }

    @Test
    void aRebuildClearsWhatRedisHeld() {
        String position = leaseWithAPayment();
        ApiClient tenant = as(asha, "tenant");
        List<String> truth = movements(tenant.get("/api/users/me/transactions/recent", "X-Await-Position", position));
        // What only Redis says: served while the entry stands, which shows the list comes from Redis.
        String key = RecentTransactions.key(asha);
        redis.opsForValue().set(key, redis.opsForValue().get(key).replace("December", "forged"), Duration.ofMinutes(5));
        assertThat(movements(tenant.get("/api/users/me/transactions/recent"))).contains("payment 25000.00 forged");

        Rebuilds.rebuild(as(UUID.randomUUID(), "admin"), RentAccountProjector.PROCESSING_GROUP,
                         Long.toString(store.head()));

        assertThat(movements(tenant.get("/api/users/me/transactions/recent", "X-Await-Position", position)))
                .isEqualTo(truth);
    }

    @Test
    void noTokenIs401ARoleWithoutLeasesIs403AndAnotherUsersListIs404() {
        String me = "/api/users/me/transactions/recent";
        String ashas = "/api/users/" + asha + "/transactions/recent";

        assertThat(new ApiClient("http://localhost:" + port).get(me).status()).isEqualTo(401);
        assertThat(as(UUID.randomUUID(), "field_executive").get(me).status()).isEqualTo(403);
        for (String role : List.of("owner", "tenant", "property_manager", "auditor")) {
            Response r = as(UUID.randomUUID(), role).get(ashas);
            assertThat(r.status()).as(role).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        assertThat(as(asha, "tenant").get(ashas).status()).isEqualTo(200);
        assertThat(as(UUID.randomUUID(), "super_admin").get(ashas).status()).isEqualTo(200);
    }
}
