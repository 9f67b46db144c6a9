package io.alter8.query.processing;

import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseParty;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.lease.LeaseTestEvents;
import io.alter8.query.property.TestEvents;
import io.alter8.query.property.TestEvents.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A blue/green rebuild fills a copy of a read model while the old one keeps answering, then switches to it in one
 * transaction: the copy's rows equal the originals row for row, rows no event explains are gone, events that arrive
 * during the rebuild are in it, and the caches fed by the old model are evicted at the switch.
 */
@QuerySideTest
class BlueGreenRebuildTest {

    static final String GROUPS = "/api/admin/processing-groups";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    ApiClient as(String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), role));
    }

    @Test
    void theOldCatalogAnswersWhileItsCopyFillsAndTheCopyTakesOverWithTheSameRows() {
        ApiClient admin = as("admin");
        String pincode = "T" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Listing listing = new Listing().pincode(pincode).title("Flat " + i).rent("1" + i + "000");
            listing.publish(store);
            listing.append(store, listing.rentChanged("2" + i + "000"),
                           listing.reviewed(UUID.randomUUID(), 1 + i % 5, "fine"));
            ids.add(listing.id);
        }
        String head = Long.toString(store.head());
        String search = "/api/properties?pincode=" + pincode + "&size=100&sort=rent";
        assertThat(admin.get(search, "X-Await-Position", head).json().path("total").asLong()).isEqualTo(8);
        List<Map<String, Object>> listings = rows("property_listing", "id", ids);
        List<Map<String, Object>> units = rows("property_unit", "property_id", ids);
        List<Map<String, Object>> reviews = rows("property_review", "property_id", ids);
        List<String> indexes = indexes();
        // A row no event explains (as a bug might leave): the old model shows it, and caches its detail.
        UUID ghost = UUID.randomUUID();
        TestEvents.insertGhostListing(jdbc, ghost, pincode);
        assertThat(admin.get("/api/properties/" + ghost).status()).isEqualTo(200);

        Response started = admin.post(GROUPS + "/property-listing/rebuild?hold=true", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith(GROUPS + "/property-listing/rebuild");
        assertThat(started.json().path("state").asString()).isEqualTo("filling");
        // An event during the rebuild reaches the old model now and the copy too.
        Listing late = new Listing().pincode(pincode).title("Listed during the rebuild");
        long lateAt = late.publish(store);

        JsonNode ready = awaitState(admin, "property-listing", "ready");
        assertThat(ready.path("eventsDone").asLong()).isGreaterThanOrEqualTo(lateAt);
        assertThat(ready.path("eventsTotal").asLong()).isGreaterThanOrEqualTo(ready.path("eventsDone").asLong());
        assertThat(ready.path("secondsLeft").asLong()).isZero();
        // Still the old model: the ghost, the eight and the late one; the copy has all but the ghost.
        assertThat(admin.get(search, "X-Await-Position", Long.toString(lateAt)).json().path("total").asLong())
                .isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rebuild_property_listing.property_listing "
                                               + "WHERE postal_code = ?", Long.class, pincode)).isEqualTo(9);

        Response switched = admin.post(GROUPS + "/property-listing/rebuild/switch", "");
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().path("state").asString()).isEqualTo("switched");

        JsonNode after = admin.get(search, "X-Await-Position", Long.toString(lateAt)).json();
        assertThat(after.path("total").asLong()).isEqualTo(9);
        assertThat(after.path("items").valueStream().map(p -> p.path("id").asString()))
                .contains(late.id.toString()).doesNotContain(ghost.toString());
        // Its cached detail went with the switch.
        assertThat(admin.get("/api/properties/" + ghost).status()).isEqualTo(404);
        assertThat(rows("property_listing", "id", ids)).isEqualTo(listings);
        assertThat(rows("property_unit", "property_id", ids)).isEqualTo(units);
        assertThat(rows("property_review", "property_id", ids)).isEqualTo(reviews);
        assertThat(indexes()).isEqualTo(indexes);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'rebuild_property_listing'",
                                       Long.class)).isZero();
        // The live processor goes on from where the copy stopped.
        Listing next = new Listing().pincode(pincode).title("Listed after the switch");
        long nextAt = next.publish(store);
        assertThat(admin.get("/api/properties/" + next.id, "X-Await-Position", Long.toString(nextAt)).status())
                .isEqualTo(200);
        JsonNode status = admin.get(GROUPS).json().valueStream()
                               .filter(g -> g.path("name").asString().equals("property-listing")).findFirst()
                               .orElseThrow();
        assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(nextAt);
        assertThat(status.path("head").asLong()).isGreaterThanOrEqualTo(nextAt);
        assertThat(status.path("lag").asLong()).isEqualTo(status.path("head").asLong() - status.path("position").asLong());
        assertThat(admin.get(GROUPS + "/property-listing/rebuild").json().path("state").asString()).isEqualTo("switched");
    }

    @Test
    void leasesRebuiltWithoutAHoldSwitchByThemselvesToTheSameRows() {
        ApiClient admin = as("admin");
        UUID owner = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < 5; i++) {
            LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
            UUID tenant = UUID.randomUUID();
            store.append("Lease", lease.id, 0, lease.proposed(tenant, tenant));
            at = store.append("Lease", lease.id, 1,
                              lease.approved(LeaseParty.TENANT, tenant, LeaseApprovalStatus.TENANT_APPROVED));
            ids.add(lease.id);
        }
        assertThat(admin.get("/api/leases/" + ids.get(4), "X-Await-Position", Long.toString(at)).status())
                .isEqualTo(200);
        List<Map<String, Object>> leases = rows("lease", "id", ids);
        List<Map<String, Object>> tenants = rows("lease_tenant", "lease_id", ids);
        String status = jdbc.queryForObject("SELECT status FROM lease WHERE id = ?", String.class, ids.get(0));
        jdbc.update("UPDATE lease SET status = 'terminated' WHERE id = ?", ids.get(0));

        assertThat(admin.post(GROUPS + "/leases/rebuild", "").status()).isEqualTo(202);

        JsonNode done = awaitState(admin, "leases", "switched");
        assertThat(done.path("finishedAt").isNull()).isFalse();
        assertThat(rows("lease", "id", ids)).isEqualTo(leases);
        assertThat(rows("lease_tenant", "lease_id", ids)).isEqualTo(tenants);
        assertThat(admin.get("/api/leases/" + ids.get(0)).json().path("status").asString()).isEqualTo(status);
    }

    @Test
    void eventsTheCopyCannotProcessAreParkedAndBecomeTheLiveGroupsDeadLettersAtTheSwitch() {
        ApiClient admin = as("admin");
        Listing poison = new Listing().title("2BHK\u0000 by the lake");
        poison.append(store, poison.registered(), poison.unitAdded());
        await().atMost(Duration.ofSeconds(20)).until(() -> PoisonEventTest.lettersOf(admin, poison.id).size() == 2);
        // Evicted from the live group, they can only come back from the copy.
        for (JsonNode letter : PoisonEventTest.lettersOf(admin, poison.id)) {
            assertThat(admin.delete(PoisonEventTest.LETTERS + "/" + letter.path("id").asString()).status())
                    .isEqualTo(204);
        }

        assertThat(admin.post(GROUPS + "/property-listing/rebuild", "").status()).isEqualTo(202);

        JsonNode done = awaitState(admin, "property-listing", "switched");
        assertThat(done.path("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(PoisonEventTest.lettersOf(admin, poison.id)).extracting(l -> l.path("eventType").asString())
                                                               .containsExactly("PropertyRegistered", "UnitAdded");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                                       Long.class, "property-listing" + BlueGreenRebuilds.SUFFIX)).isZero();
        assertThat(admin.get("/api/properties/" + poison.id).status()).isEqualTo(404);
    }

    /**
     * The other read models that declare their tables: each rebuilt copy has every row the old tables had. The first
     * rebuild clears rows that projector tests in this JVM wrote from events never stored (a rebuild rightly drops
     * them); the second, compared with the rows projected live since, shows that a rebuild gives them back row for
     * row.
     */
    @ParameterizedTest
    @CsvSource({"verifications, verification, verification_rating",
                "tenant-relations, tenant_relation, ",
                "user-directory, user_directory, management_mandate"})
    void everyReadModelWithTablesIsRebuiltToTheSameRows(String group, String table, String otherTable) {
        ApiClient admin = as("admin");
        assertThat(admin.post(GROUPS + "/" + group + "/rebuild", "").status()).isEqualTo(202);
        awaitState(admin, group, "switched");
        List<String> tables = otherTable == null ? List.of(table) : List.of(table, otherTable);
        Map<String, List<Map<String, Object>>> before = new HashMap<>();
        tables.forEach(t -> before.put(t, all(t)));

        assertThat(admin.post(GROUPS + "/" + group + "/rebuild", "").status()).isEqualTo(202);

        awaitState(admin, group, "switched");
        tables.forEach(t -> assertThat(all(t)).as(t).containsExactlyInAnyOrderElementsOf(before.get(t)));
    }

    /**
     * A copy of the listing is filled with its keys only and gets its other indexes after the fill: the tables
     * switched in must have every index and constraint the old ones had, by name and definition (a lease's tenants
     * still point at its lease), and the statistics targets of their columns and index expressions (the listing has
     * none for its descriptive columns, a smaller sample for the rest, and none for its location index's point).
     */
    @ParameterizedTest
    @CsvSource({"property-listing, property_listing property_unit property_review property_listing_media",
                "leases, lease lease_tenant",
                "user-directory, user_directory management_mandate"})
    void aRebuiltReadModelHasEveryIndexConstraintAndStatisticsTargetTheOldOneHad(String group, String tables) {
        List<String> names = List.of(tables.split(" "));
        List<String> indexes = indexDefinitions(names);
        List<String> constraints = constraintDefinitions(names);
        List<String> statisticsTargets = statisticsTargets(names);
        assertThat(indexes).isNotEmpty();
        if (group.equals("property-listing")) {
            assertThat(statisticsTargets).contains("property_listing amenities 0", "property_listing description 0",
                                                   "property_listing city_key 30", "property_search_location point 0",
                                                   "property_unit features 0");
        }
        ApiClient admin = as("admin");

        assertThat(admin.post(GROUPS + "/" + group + "/rebuild", "").status()).isEqualTo(202);

        awaitState(admin, group, "switched");
        assertThat(indexDefinitions(names)).containsExactlyElementsOf(indexes);
        assertThat(constraintDefinitions(names)).containsExactlyElementsOf(constraints);
        assertThat(statisticsTargets(names)).containsExactlyElementsOf(statisticsTargets);
        if (group.equals("leases")) {
            assertThat(constraints).anyMatch(c -> c.startsWith("lease_tenant ")
                    && c.contains("FOREIGN KEY (lease_id) REFERENCES"));
        }
    }

    @Test
    void aRunningRebuildIsRefusedASecondTimeAndCanBeCancelledLeavingTheReadModelAsItWas() {
        ApiClient admin = as("admin");
        String rebuild = GROUPS + "/leases/rebuild";
        assertThat(admin.post(rebuild + "?hold=true", "").status()).isEqualTo(202);

        Response again = admin.post(rebuild, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(again.json().path("type").asString()).endsWith("rebuild-running");

        Response cancelled = admin.delete(rebuild);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("cancelled");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'rebuild_leases'",
                                       Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'leases--rebuild'",
                                       Long.class)).isZero();
        assertThat(admin.post(rebuild + "/switch", "").status()).isEqualTo(409);
        assertThat(admin.delete(rebuild).status()).isEqualTo(409);
    }

    @Test
    void onlyAdminsRebuildAndAReadModelWithoutTablesOrAnUnknownGroupIsRefused() {
        assertThat(new ApiClient("http://localhost:" + port).post(GROUPS + "/leases/rebuild", "").status())
                .isEqualTo(401);
        assertThat(as("owner").post(GROUPS + "/leases/rebuild", "").status()).isEqualTo(403);
        assertThat(as("auditor").get(GROUPS).status()).isEqualTo(403);
        assertThat(as("tenant").delete(GROUPS + "/leases/rebuild").status()).isEqualTo(403);

        ApiClient admin = as("admin");
        Response unknown = admin.post(GROUPS + "/no-such-group/rebuild", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(admin.get(GROUPS + "/no-such-group/rebuild").status()).isEqualTo(404);
        // The permissions cache lives in Redis only: there is nothing to copy.
        Response redisOnly = admin.post(GROUPS + "/user-permissions/rebuild", "");
        assertThat(redisOnly.status()).isEqualTo(409);
        assertThat(redisOnly.json().path("type").asString()).endsWith("not-rebuildable");
        assertThat(admin.get(GROUPS).json().valueStream().map(g -> g.path("name").asString()))
                .contains("property-listing", "leases", "user-permissions");
    }

    private JsonNode awaitState(ApiClient admin, String group, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(
                () -> admin.get(GROUPS + "/" + group + "/rebuild").json().path("state").asString(),
                s -> s.equals(state) || s.equals("failed"));
        JsonNode progress = admin.get(GROUPS + "/" + group + "/rebuild").json();
        assertThat(progress.path("state").asString()).as(progress.toString()).isEqualTo(state);
        return progress;
    }

    private List<Map<String, Object>> rows(String table, String key, List<UUID> ids) {
        List<Map<String, Object>> rows = comparable(jdbc.queryForList(
                "SELECT * FROM " + table + " WHERE " + key + " = ANY (?) ORDER BY 1, 2", (Object) ids.toArray(UUID[]::new)));
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private List<Map<String, Object>> all(String table) {
        return comparable(jdbc.queryForList("SELECT * FROM " + table));
    }

    /** Every column of the rows, arrays as lists (a JDBC array compares by identity). */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.replaceAll((column, value) -> {
                try {
                    return value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return rows;
    }

    private List<String> indexDefinitions(List<String> tables) {
        return jdbc.queryForList("SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes "
                                         + "WHERE schemaname = current_schema() AND tablename = ANY (?) ORDER BY 1",
                                 String.class, (Object) tables.toArray(String[]::new));
    }

    private List<String> constraintDefinitions(List<String> tables) {
        return jdbc.queryForList("""
                SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?) ORDER BY 1""",
                                 String.class, (Object) tables.toArray(String[]::new));
    }

    /** The columns of the tables and of their indexes whose statistics target is set (not the server's default). */
    private List<String> statisticsTargets(List<String> tables) {
        return jdbc.queryForList("""
                SELECT r.relname || ' ' || a.attname || ' ' || a.attstattarget FROM pg_attribute a
                JOIN pg_class r ON r.oid = a.attrelid
                LEFT JOIN pg_index i ON i.indexrelid = r.oid
                JOIN pg_class t ON t.oid = coalesce(i.indrelid, r.oid)
                WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?) AND a.attnum > 0
                AND NOT a.attisdropped AND a.attstattarget >= 0 ORDER BY 1""",
                                 String.class, (Object) tables.toArray(String[]::new));
    }

    private List<String> indexes() {
        return jdbc.queryForList("SELECT tablename || ' ' || indexname FROM pg_indexes WHERE schemaname = "
                                         + "current_schema() AND tablename IN ('property_listing', 'property_unit', "
                                         + "'property_review') ORDER BY 1", String.class);
    }
}
