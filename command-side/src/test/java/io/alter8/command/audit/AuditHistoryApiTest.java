package io.alter8.command.audit;

import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The auditors' history routes through HTTP: what they show, to whom, and what they refuse. */
@CommandSideTest
class AuditHistoryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventGateway eventGateway;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient anonymous;
    ApiClient auditor;
    UUID ownerId;
    ApiClient owner;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient("http://localhost:" + port);
        auditor = as(UUID.randomUUID(), "auditor");
        ownerId = UUID.randomUUID();
        owner = as(ownerId, "owner");
    }

    ApiClient as(UUID user, String role) {
        return anonymous.withToken(TestTokens.mint(user, role));
    }

    /** A property registered and its rent changed, both in one correlation; answers its id. */
    String propertyWithTwoEvents(String correlationId, String idempotencyKey) {
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"),
                                      "X-Correlation-Id", correlationId, "Idempotency-Key", idempotencyKey);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Response rent = owner.put("/api/properties/" + id + "/monthly-rent",
                                  "{\"amount\": \"26000\", \"currency\": \"INR\"}", "X-Correlation-Id", correlationId);
        assertThat(rent.status()).as(rent.body()).isEqualTo(200);
        return id;
    }

    @Test
    void anAuditorSeesEveryEventOfAPropertyInOrderWithWhoAskedFromWhere() {
        String correlation = "audit-" + UUID.randomUUID();
        String id = propertyWithTwoEvents(correlation, "key-" + correlation);

        for (ApiClient reader : List.of(auditor, as(UUID.randomUUID(), "admin"), as(UUID.randomUUID(), "super_admin"))) {
            Response r = reader.get("/api/audit/property/" + id + "/events");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("aggregateType").asString()).isEqualTo("property");
            JsonNode events = r.json().path("events");
            assertThat(events.size()).isGreaterThanOrEqualTo(2);
            long lastPosition = 0;
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                assertThat(e.path("sequence").asLong()).isEqualTo(i);
                assertThat(e.path("position").asLong()).isGreaterThan(lastPosition);
                lastPosition = e.path("position").asLong();
                assertThat(e.path("aggregateId").asString()).isEqualTo(id);
                assertThat(Instant.parse(e.path("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
                assertThat(e.path("revision").isNull()).isFalse();
                JsonNode meta = e.path("metadata");
                assertThat(meta.path("userId").asString()).isEqualTo(ownerId.toString());
                assertThat(meta.path("roles").get(0).asString()).isEqualTo("owner");
                assertThat(meta.path("correlationId").asString()).isEqualTo(correlation);
                assertThat(meta.path("causationId").asString()).isNotBlank();
                assertThat(meta.path("clientIp").asString()).isEqualTo(owner.clientAddress());
            }
            JsonNode first = events.get(0);
            assertThat(first.path("type").asString()).isEqualTo("io.alter8.api.property.PropertyRegistered");
            assertThat(first.path("payload").path("title").asString()).isEqualTo("Flat");
            assertThat(first.path("metadata").path("idempotencyKey").asString()).isEqualTo("key-" + correlation);
            assertThat(events.get(events.size() - 1).path("payload").toString()).contains("26000");
        }
    }

    @Test
    void identityNumbersStayMaskedInTheHistory() {
        UUID user = TestUsers.register(anonymous, "owner", "a long enough password").id();
        String pan = pan();
        Response profile = as(user, "owner").put("/api/users/" + user + "/owner-profile",
                                                 "{\"businessType\": \"individual\", \"panNumber\": \"" + pan + "\"}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);

        Response r = auditor.get("/api/audit/user-account/" + user + "/events");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(pan).doesNotContain("ciphertext").doesNotContain("fingerprint")
                            .contains("XXXXXX" + pan.substring(6));
        Response state = auditor.get("/api/audit/user-account/" + user + "/state");
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.body()).doesNotContain(pan).doesNotContain("ciphertext").contains("XXXXXX" + pan.substring(6));
    }

    @Test
    void theGlobalLogIsFilteredAndPagedByPosition() {
        String correlation = "audit-" + UUID.randomUUID();
        String id = propertyWithTwoEvents(correlation, "key-" + correlation);
        String other = propertyWithTwoEvents("audit-" + UUID.randomUUID(), "key-" + UUID.randomUUID());

        Response byCorrelation = auditor.get("/api/audit/events?correlationId=" + correlation);
        assertThat(byCorrelation.status()).as(byCorrelation.body()).isEqualTo(200);
        assertThat(byCorrelation.json().path("items").size()).isGreaterThanOrEqualTo(2);
        assertThat(aggregateIds(byCorrelation.json().path("items"))).containsExactly(id);
        assertThat(byCorrelation.json().path("nextAfterPosition").isNull()).isTrue();

        // One page of one event at a time walks the same events, in position order.
        List<Long> walked = new ArrayList<>();
        String after = "0";
        while (after != null) {
            Response page = auditor.get("/api/audit/events?user=" + ownerId + "&size=1&afterPosition=" + after);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(e -> walked.add(e.path("position").asLong()));
            JsonNode next = page.json().path("nextAfterPosition");
            after = next.isNull() ? null : next.asString();
        }
        assertThat(walked).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);

        Response registrations = auditor.get("/api/audit/events?user=" + ownerId
                                                     + "&type=PropertyRegistered&aggregateType=property");
        assertThat(aggregateIds(registrations.json().path("items"))).containsExactly(id, other);
        Response future = auditor.get("/api/audit/events?user=" + ownerId + "&from=" + Instant.now().plusSeconds(60));
        assertThat(future.json().path("items").size()).isZero();
        Response past = auditor.get("/api/audit/events?user=" + ownerId + "&to=" + Instant.now().plusSeconds(60)
                                            + "&from=2020-01-01T00:00:00Z");
        assertThat(past.json().path("items").size()).isEqualTo(walked.size());
    }

    /**
     * A page of one user's or one correlation's events is read through an index on that metadata value, not by
     * reading the log from its start until the page is full (which took seconds on a few hundred thousand events).
     */
    @Test
    void theUserAndCorrelationFiltersReadThroughTheirIndexes() {
        String correlation = "audit-" + UUID.randomUUID();
        propertyWithTwoEvents(correlation, "key-" + correlation);
        // Other people's events, as any store holds (on a dozen rows reading them all is the better plan), and the
        // planner's statistics, as autovacuum keeps them.
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                            + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "SELECT gen_random_uuid()::text, gen_random_uuid()::text, 0, 'IndexProbe', "
                            + "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                            + "'io.alter8.test.IndexProbed', '1', convert_to('{}', 'UTF8'), "
                            + "convert_to(json_build_object('userId', gen_random_uuid(), 'correlationId', "
                            + "gen_random_uuid())::text, 'UTF8') FROM generate_series(1, 2000)");
        jdbc.execute("ANALYZE domain_event_entry");

        for (String index : List.of("domain_event_entry_user", "domain_event_entry_correlation")) {
            long before = scansOf(index);
            boolean byUser = index.endsWith("user");
            String filter = byUser ? "user=" + ownerId : "correlationId=" + correlation;

            Response page = auditor.get("/api/audit/events?" + filter);

            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").valueStream().map(e -> e.path("metadata")
                    .path(byUser ? "userId" : "correlationId").asString()))
                    .hasSizeGreaterThanOrEqualTo(3).containsOnly(byUser ? ownerId.toString() : correlation);
            // Statistics reach pg_stat_user_indexes once the reading connection flushes them (within seconds).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(scansOf(index)).as(index).isGreaterThan(before));
        }
    }

    long scansOf(String index) {
        // by the index the search path finds: another test's schema has indexes of the same name
        return jdbc.queryForObject("SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelid = to_regclass(?)",
                                   Long.class, index);
    }

    @Test
    void theGlobalLogStreamsAsJsonLines() {
        String correlation = "audit-" + UUID.randomUUID();
        String id = propertyWithTwoEvents(correlation, "key-" + correlation);

        Response r = auditor.get("/api/audit/events?correlationId=" + correlation, "Accept", "application/x-ndjson");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        String[] lines = r.body().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(2);
        long last = 0;
        for (String line : lines) {
            JsonNode e = ApiClient.json().readTree(line);
            assertThat(e.path("aggregateId").asString()).isEqualTo(id);
            assertThat(e.path("position").asLong()).isGreaterThan(last);
            last = e.path("position").asLong();
        }
    }

    /**
     * A process's event no aggregate applied, published as the notification rules publish it: stored without an
     * aggregate type, in the correlation of the event that caused it.
     */
    NotificationIssued notificationIn(String correlationId, String causedBy) {
        NotificationIssued issued = new NotificationIssued(UUID.randomUUID(), new UserId(ownerId), "rent_changed",
                                                           "medium", "Rent changed", "Your rent changed.", "property",
                                                           UUID.randomUUID().toString(), List.of(), "rent_changed", 1,
                                                           "en", Map.of(), null);
        eventGateway.publish(GenericEventMessage.asEventMessage(issued).withMetaData(Map.of(
                "correlationId", correlationId, "causationId", causedBy, "userId", ownerId.toString(),
                "userRoles", "owner")));
        return issued;
    }

    @Test
    void eventsNoAggregateAppliedAreShownInTheGlobalLogItsStreamAndTheirCorrelation() {
        String correlation = "audit-" + UUID.randomUUID();
        String id = propertyWithTwoEvents(correlation, "key-" + correlation);
        JsonNode rentChanged = auditor.get("/api/audit/property/" + id + "/events").json().path("events").get(1);
        NotificationIssued issued = notificationIn(correlation, rentChanged.path("eventId").asString());

        Response page = auditor.get("/api/audit/events?correlationId=" + correlation);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode items = page.json().path("items");
        JsonNode notification = items.get(items.size() - 1);
        assertThat(notification.path("type").asString()).isEqualTo(NotificationIssued.class.getName());
        assertThat(notification.path("aggregateType").isNull()).as(notification.toString()).isTrue();
        assertThat(notification.path("payload").path("title").asString()).isEqualTo(issued.title());
        assertThat(notification.path("metadata").path("causationId").asString())
                .isEqualTo(rentChanged.path("eventId").asString());
        assertThat(aggregateIds(items).get(0)).isEqualTo(id);

        Response byType = auditor.get("/api/audit/events?type=NotificationIssued&user=" + ownerId);
        assertThat(byType.status()).as(byType.body()).isEqualTo(200);
        assertThat(byType.json().path("items").valueStream().map(e -> e.path("payload").path("notificationId")
                .asString())).contains(issued.notificationId().toString());

        Response stream = auditor.get("/api/audit/events?correlationId=" + correlation, "Accept",
                                      "application/x-ndjson");
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        List<JsonNode> lines = stream.body().lines().map(l -> ApiClient.json().readTree(l)).toList();
        assertThat(lines).hasSize(items.size());
        assertThat(lines.get(lines.size() - 1).path("payload").path("notificationId").asString())
                .isEqualTo(issued.notificationId().toString());

        Response timeline = auditor.get("/api/audit/correlations/" + correlation);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        JsonNode steps = timeline.json().path("steps");
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.path("commandId").asString()).isEqualTo(rentChanged.path("eventId").asString());
        assertThat(last.path("events").get(0).path("type").asString()).isEqualTo(NotificationIssued.class.getName());
    }

    @Test
    void thePastStateOfAPropertyIsRebuiltFromItsEvents() {
        String id = propertyWithTwoEvents("audit-" + UUID.randomUUID(), "key-" + UUID.randomUUID());
        JsonNode events = auditor.get("/api/audit/property/" + id + "/events").json().path("events");
        JsonNode registered = events.get(0);

        Response then = auditor.get("/api/audit/property/" + id + "/state?position="
                                            + registered.path("position").asLong());
        Response byInstant = auditor.get("/api/audit/property/" + id + "/state?at="
                                                 + registered.path("timestamp").asString());
        Response now = auditor.get("/api/audit/property/" + id + "/state");

        assertThat(then.status()).as(then.body()).isEqualTo(200);
        assertThat(then.json().path("version").asLong()).isZero();
        assertThat(then.json().path("position").asLong()).isEqualTo(registered.path("position").asLong());
        assertThat(rent(then)).isEqualByComparingTo("20000");
        assertThat(then.json().path("state").path("details").path("title").asString()).isEqualTo("Flat");
        // Events of one command share their instant: the state at it is after the last of them.
        long sameInstant = events.valueStream().filter(e -> e.path("timestamp").asString()
                .equals(registered.path("timestamp").asString())).count();
        assertThat(byInstant.json().path("version").asLong()).isEqualTo(sameInstant - 1);
        assertThat(now.json().path("version").asLong()).isEqualTo(events.size() - 1);
        assertThat(rent(now)).isEqualByComparingTo("26000");
        Response before = auditor.get("/api/audit/property/" + id + "/state?at=2020-01-01T00:00:00Z");
        assertThat(before.status()).as(before.body()).isEqualTo(404);
    }

    static java.math.BigDecimal rent(Response state) {
        return new java.math.BigDecimal(state.json().path("state").path("terms").path("monthlyRent").path("amount")
                                             .asString());
    }

    @Test
    void aCorrelationShowsTheCommandAndWhatTheVerificationProcessDidInResponse() {
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        String property = created.json().path("id").asString();
        String correlation = "audit-" + UUID.randomUUID();
        Response requested = owner.post("/api/properties/" + property + "/verifications", "{\"type\": \"standard\"}",
                                        "X-Correlation-Id", correlation);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String verification = requested.json().path("id").asString();

        Response r = auditor.get("/api/audit/correlations/" + correlation);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode steps = r.json().path("steps");
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        JsonNode start = steps.get(0);
        assertThat(start.path("triggeredBy").isNull()).isTrue();
        assertThat(start.path("userId").asString()).isEqualTo(ownerId.toString());
        assertThat(start.path("events").get(0).path("aggregateId").asString()).isEqualTo(property);
        JsonNode response = steps.get(1);
        assertThat(start.path("events").valueStream().map(e -> e.path("eventId").asString()))
                .contains(response.path("triggeredBy").asString());
        assertThat(response.path("events").get(0).path("aggregateType").asString())
                .isEqualTo("property-verification");
        assertThat(response.path("events").get(0).path("aggregateId").asString()).isEqualTo(verification);
    }

    @Test
    void ownersTenantsAndOtherRolesAreRefusedAndStrangersAreAskedForAToken() {
        String id = propertyWithTwoEvents("audit-" + UUID.randomUUID(), "key-" + UUID.randomUUID());
        List<String> paths = List.of("/api/audit/property/" + id + "/events", "/api/audit/events",
                                     "/api/audit/property/" + id + "/state", "/api/audit/correlations/x");
        for (String path : paths) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            for (String role : List.of("owner", "tenant", "agent", "field_executive", "property_manager", "analyst")) {
                Response r = as(role.equals("owner") ? ownerId : UUID.randomUUID(), role).get(path);
                assertThat(r.status()).as(role + " " + path).isEqualTo(403);
                assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            }
        }
    }

    @Test
    void unknownEntitiesAndTypesAre404() {
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/api/audit/property/" + unknown + "/events",
                                   "/api/audit/property/" + unknown + "/state",
                                   "/api/audit/spaceship/" + unknown + "/events",
                                   "/api/audit/correlations/nobody-" + unknown)) {
            Response r = auditor.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
    }

    @Test
    void badParametersAreRefusedNamingEveryOne() {
        Response r = auditor.get("/api/audit/events?type=no%20such&aggregateType=spaceship&from=yesterday&to=soon"
                                         + "&user=me&correlationId=a%20b&afterPosition=-1&size=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.badFields()).containsExactlyInAnyOrder("type", "aggregateType", "from", "to", "user",
                                                            "correlationId", "afterPosition", "size");
        Response stream = auditor.get("/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                                      "Accept", "application/x-ndjson");
        assertThat(stream.status()).as(stream.body()).isEqualTo(400);
        assertThat(stream.badFields()).containsExactly("to");
        Response state = auditor.get("/api/audit/property/not-an-id/state?at=later&position=0");
        assertThat(state.status()).isEqualTo(400);
        assertThat(state.badFields()).containsExactlyInAnyOrder("id", "at", "position");
        assertThat(auditor.get("/api/audit/property/not-an-id/events").badFields()).containsExactly("id");
    }

    static List<String> aggregateIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(e -> {
            if (!ids.contains(e.path("aggregateId").asString())) {
                ids.add(e.path("aggregateId").asString());
            }
        });
        return ids;
    }

    static String pan() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder pan = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            pan.append(i == 3 ? 'P' : (char) ('A' + random.nextInt(26)));
        }
        return pan.append("%04d".formatted(random.nextInt(10_000))).append((char) ('A' + random.nextInt(26)))
                  .toString();
    }
}
