package io.alter8.query.property;

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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Occupancy per property over HTTP: units, occupied units and rate follow the leases that take and leave units; the
 * same events twice and a rebuild give the same answer; the owner and admins read it, anyone else gets a 404.
 */
@QuerySideTest
class OccupancyApiTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    PropertyListingProjector projector;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final TestEvents.Listing p = new TestEvents.Listing().owner(owner);
    final UUID second = UUID.randomUUID();
    final UUID third = UUID.randomUUID();
    final UUID lease = UUID.randomUUID();
    final UUID otherLease = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    String path() {
        return "/api/properties/" + p.id + "/occupancy";
    }

    static String summary(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode view = r.json();
        return view.path("units").asInt() + " units, " + view.path("occupiedUnits").asInt() + " occupied, "
                + view.path("occupancyRate").decimalValue().stripTrailingZeros().toPlainString() + "% " + view.path("occupied").valueStream()
                                                                       .map(u -> u.path("unitNumber").asString() + "="
                                                                               + u.path("leaseId").asString())
                                                                       .toList();
    }

    /** Three units; two leases take two of them, and the second lease ends. */
    void applyHistory() {
        tx.executeWithoutResult(s -> {
            projector.on(p.registered(), 0, T0);
            projector.on(p.unitAdded(), 1, T0);
            projector.on(p.unitAdded(second, "2"), 2, T0);
            projector.on(p.unitAdded(third, "3"), 3, T0);
            projector.on(p.occupied(p.unitId, lease, tenant), 4, T0);
            projector.on(p.occupied(second, otherLease), 5, T0);
            projector.on(p.vacated(second, otherLease), 6, T0);
        });
    }

    @Test
    void occupancyFollowsTheLeasesAndTheSameEventsTwiceGiveTheSameAnswer() {
        applyHistory();
        String once = summary(as(owner, "owner").get(path()));

        applyHistory();

        assertThat(summary(as(owner, "owner").get(path()))).isEqualTo(once)
                .isEqualTo("3 units, 1 occupied, 33.33% [1=" + lease + "]");
        JsonNode unit = as(owner, "owner").get(path()).json().path("occupied").get(0);
        assertThat(unit.path("tenants").get(0).asString()).isEqualTo(tenant.toString());
    }

    @Test
    void aRebuildFromTheEventStoreGivesTheSameOccupancy() {
        p.append(store, p.registered(), p.unitAdded(), p.unitAdded(second, "2"),
                 p.occupied(p.unitId, lease, tenant), p.occupied(second, otherLease));
        String head = Long.toString(p.append(store, p.vacated(p.unitId, lease)));
        ApiClient admin = as(UUID.randomUUID(), "admin");
        String before = summary(admin.get(path(), "X-Await-Position", head));
        assertThat(before).isEqualTo("2 units, 1 occupied, 50% [2=" + otherLease + "]");
        // A change no event explains must not survive a rebuild.
        jdbc.update("UPDATE property_unit SET occupied = true WHERE property_id = ?", p.id);

        Rebuilds.rebuild(admin, PropertyListingProjector.PROCESSING_GROUP, head);

        assertThat(summary(admin.get(path(), "X-Await-Position", head))).isEqualTo(before);
    }

    @Test
    void anotherOwnerGetsA404ATenantA403AndNoTokenA401() {
        applyHistory();

        Response stranger = as(UUID.randomUUID(), "owner").get(path());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).hasValue("application/problem+json");
        assertThat(as(UUID.randomUUID(), "property_manager").get(path()).status()).isEqualTo(404);
        assertThat(as(UUID.randomUUID(), "owner").get("/api/properties/" + UUID.randomUUID() + "/occupancy")
                                                 .status()).isEqualTo(404);
        for (String role : List.of("tenant", "agent", "auditor")) {
            assertThat(as(tenant, role).get(path()).status()).as(role).isEqualTo(403);
        }
        assertThat(new ApiClient("http://localhost:" + port).get(path()).status()).isEqualTo(401);
        assertThat(as(UUID.randomUUID(), "super_admin").get(path()).status()).isEqualTo(200);
    }
}
