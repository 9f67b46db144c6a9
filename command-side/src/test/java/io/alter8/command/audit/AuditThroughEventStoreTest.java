package io.alter8.command.audit;

import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.command.CommandSideTest;
import io.alter8.command.audit.AuditController.EventQuery;
import io.alter8.command.audit.LogVerifier.Verification;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.merkle.EventLeaf;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit as it runs under Axon Server, without Axon Server: the routes read through Axon's {@code EventStore}
 * ({@link EventStoreHistory}) and the leaves are written by {@link AuditLeafRecorder} from Axon's stream, in a schema
 * of this test's own whose event table has no leaf trigger (test migration {@code db/audit-by-recorder}). Axon's
 * store here is the JDBC engine the default path uses, reached only through the {@code EventStore} interface, so the
 * same stored events can also be read row by row ({@link AuditLog}): both readers must answer alike, and both must
 * find the recorder's leaves intact, or name the same tampered event. Tampering goes straight to the database; each
 * test puts the store back as it found it. Its own Spring context, closed after the class, so that its processors and
 * schedulers do not keep running beside the shared context's for the rest of the suite.
 */
@CommandSideTest
@DirtiesContext
@TestPropertySource(properties = {
        "alter8.audit.reader=event-store",
        "spring.datasource.hikari.schema=audit_by_recorder",
        "spring.flyway.schemas=audit_by_recorder",
        "spring.flyway.default-schema=audit_by_recorder",
        "spring.flyway.locations=classpath:db/axon-processing,classpath:db/eventstore,classpath:db/privacy,"
                + "classpath:db/command,classpath:db/masterdata,classpath:db/audit-by-recorder"})
class AuditThroughEventStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventHistory history;
    @Autowired
    AuditViews views;
    @Autowired
    AggregateTypes types;
    @Autowired
    HistoricState states;
    @Autowired
    JsonMapper json;
    @Autowired
    MerkleLog tree;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    EventGateway eventGateway;

    ApiClient anonymous;
    ApiClient auditor;
    UUID ownerId;
    ApiClient owner;
    /** The same stored events read row by row, and the history routes and verify over them. */
    AuditLog rows;
    AuditController byRows;
    LogVerifier verifiedByRows;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient("http://localhost:" + port);
        auditor = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "auditor"));
        ownerId = UUID.randomUUID();
        owner = anonymous.withToken(TestTokens.mint(ownerId, "owner"));
        rows = new AuditLog(jdbc, dataSource, transactions);
        byRows = new AuditController(rows, views, types, states, json);
        verifiedByRows = new LogVerifier(dataSource, rows, tree, checkpoints);
    }

    /** A property registered and its rent changed in one correlation; answers its events as the routes show them. */
    List<JsonNode> propertyEvents(String correlationId) {
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"),
                                      "X-Correlation-Id", correlationId);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Response rent = owner.put("/api/properties/" + id + "/monthly-rent",
                                  "{\"amount\": \"26000\", \"currency\": \"INR\"}", "X-Correlation-Id", correlationId);
        assertThat(rent.status()).as(rent.body()).isEqualTo(200);
        Response history = auditor.get("/api/audit/property/" + id + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<JsonNode> events = history.json().path("events").valueStream().toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        return events;
    }

    /** A signed checkpoint whose tree holds the event at {@code position}, once the recorder has written its leaf. */
    void checkpointWith(long position) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            tree.growAll();
            assertThat(tree.leafAt(position)).isPresent();
        });
        long index = tree.leafAt(position).orElseThrow().treeIndex();
        Response r = auditor.post("/api/audit/checkpoints", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("treeSize").asLong()).isGreaterThan(index);
    }

    void assertSameAnswer(Response overHttp, Object fromRows) {
        assertThat(overHttp.status()).as(overHttp.body()).isEqualTo(200);
        assertThat(ApiClient.json().readTree(overHttp.body()))
                .isEqualTo(ApiClient.json().readTree(json.writeValueAsString(fromRows)));
    }

    @Test
    void theRecorderWritesEachLeafAsTheDatabaseDefinesItFromTheStoredRow() {
        assertThat(history).isInstanceOf(EventStoreHistory.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'domain_event_entry'::regclass "
                                               + "AND tgname = 'domain_event_entry_audit_leaf'", Long.class)).isZero();
        List<JsonNode> events = propertyEvents("recorded-" + UUID.randomUUID());

        for (JsonNode event : events) {
            long position = event.path("position").asLong();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "SELECT leaf_hash FROM audit_leaf WHERE position = ?", byte[].class, position)).hasSize(1));
            byte[] recorded = jdbc.queryForObject("SELECT leaf_hash FROM audit_leaf WHERE position = ?", byte[].class,
                                                  position);
            StoredEvent row = rows.at(position).orElseThrow();
            assertThat(row.eventId()).isEqualTo(event.path("eventId").asString());
            assertThat(recorded).isEqualTo(LogVerifier.leafOf(new EventLeaf(), row));
        }
    }

    @Test
    void bothReadersAnswerTheHistoryRoutesAlike() throws IOException {
        String correlation = "alike-" + UUID.randomUUID();
        List<JsonNode> events = propertyEvents(correlation);
        String id = events.get(0).path("aggregateId").asString();
        JsonNode rentChanged = events.get(events.size() - 1);
        // An event no aggregate applied, in the same correlation, as the notification rules publish one.
        eventGateway.publish(GenericEventMessage.asEventMessage(new NotificationIssued(
                UUID.randomUUID(), new UserId(ownerId), "rent_changed", "medium", "Rent changed", "Your rent changed.",
                "property", id, List.of(), "rent_changed", 1, "en", Map.of(), null)).withMetaData(Map.of(
                "correlationId", correlation, "causationId", rentChanged.path("eventId").asString(),
                "userId", ownerId.toString(), "userRoles", "owner")));
        long first = events.get(0).path("position").asLong();
        String firstAt = events.get(0).path("timestamp").asString();

        assertSameAnswer(auditor.get("/api/audit/property/" + id + "/events"), byRows.aggregateEvents("property", id));
        assertSameAnswer(auditor.get("/api/audit/property/" + id + "/state?position=" + first),
                         byRows.state("property", id, null, String.valueOf(first)));
        assertSameAnswer(auditor.get("/api/audit/property/" + id + "/state?at=" + firstAt),
                         byRows.state("property", id, firstAt, null));
        assertSameAnswer(auditor.get("/api/audit/property/" + id + "/state"), byRows.state("property", id, null, null));

        Response page = auditor.get("/api/audit/events?correlationId=" + correlation + "&size=2");
        assertSameAnswer(page, byRows.events(new EventQuery(null, null, null, null, null, correlation, null), "2"));
        String after = page.json().path("nextAfterPosition").asString();
        Response next = auditor.get("/api/audit/events?correlationId=" + correlation + "&afterPosition=" + after);
        assertSameAnswer(next, byRows.events(new EventQuery(null, null, null, null, null, correlation, after), null));
        JsonNode rest = next.json().path("items");
        assertThat(rest.get(rest.size() - 1).path("type").asString()).isEqualTo(NotificationIssued.class.getName());
        assertSameAnswer(auditor.get("/api/audit/events?user=" + ownerId + "&type=PropertyRegistered"),
                         byRows.events(new EventQuery("PropertyRegistered", null, null, null, ownerId.toString(),
                                                      null, null), null));

        Response timeline = auditor.get("/api/audit/correlations/" + correlation);
        assertSameAnswer(timeline, byRows.correlation(correlation));
        assertThat(timeline.json().path("steps").size()).isGreaterThanOrEqualTo(2);

        Response lines = auditor.get("/api/audit/events?correlationId=" + correlation, "Accept",
                                     "application/x-ndjson");
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        byRows.eventStream(new EventQuery(null, null, null, null, null, correlation, null)).getBody()
              .writeTo(streamed);
        assertThat(lines.body()).isEqualTo(streamed.toString(StandardCharsets.UTF_8));
        assertThat(lines.body().lines()).hasSize(events.size() + 1);
    }

    @Test
    void identityNumbersStayMaskedThroughTheEventStoreAsOnTheRows() {
        UUID user = TestUsers.register(anonymous, "owner", "a long enough password").id();
        String pan = AuditHistoryApiTest.pan();
        Response profile = anonymous.withToken(TestTokens.mint(user, "owner")).put(
                "/api/users/" + user + "/owner-profile",
                "{\"businessType\": \"individual\", \"panNumber\": \"" + pan + "\"}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);

        Response r = auditor.get("/api/audit/user-account/" + user + "/events");

        assertSameAnswer(r, byRows.aggregateEvents("user-account", user.toString()));
        assertThat(r.body()).doesNotContain(pan).doesNotContain("ciphertext").contains("XXXXXX" + pan.substring(6));
        Response state = auditor.get("/api/audit/user-account/" + user + "/state");
        assertSameAnswer(state, byRows.state("user-account", user.toString(), null, null));
        assertThat(state.body()).doesNotContain(pan).contains("XXXXXX" + pan.substring(6));
    }

    JsonNode verify(String query) {
        Response r = auditor.get("/api/audit/verify" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode verifiedRowByRow() {
        return ApiClient.json().readTree(json.writeValueAsString(verifiedByRows.whole()));
    }

    static String entity(JsonNode event) {
        return "?aggregateType=property&id=" + event.path("aggregateId").asString();
    }

    @Test
    void anUntouchedLogVerifiesIntactOnBothReaders() {
        List<JsonNode> events = propertyEvents("intact-" + UUID.randomUUID());
        checkpointWith(events.get(events.size() - 1).path("position").asLong());

        JsonNode log = verify("");
        JsonNode one = verify(entity(events.get(0)));
        Verification byRowsAnswer = verifiedByRows.whole();

        assertThat(log.path("result").asString()).as(log.toString()).isEqualTo("intact");
        assertThat(log.path("checkpointSize").asLong()).isPositive();
        assertThat(byRowsAnswer.result()).as(byRowsAnswer.toString()).isEqualTo("intact");
        assertThat(byRowsAnswer.eventsChecked()).isGreaterThanOrEqualTo(events.size());
        assertThat(one.path("result").asString()).as(one.toString()).isEqualTo("intact");
        assertThat(one.path("eventsChecked").asLong()).isEqualTo(events.size());
    }

    @Test
    void oneChangedPayloadByteIsNamedByBothReaders() {
        JsonNode event = propertyEvents("changed-" + UUID.randomUUID()).get(1);
        long position = event.path("position").asLong();
        checkpointWith(position);
        flipByte(position);
        try {
            for (JsonNode answer : List.of(verify(entity(event)), verify(""), verifiedRowByRow())) {
                StoreTampering.assertFirstBreak(answer, "changed", position, event.path("eventId").asString());
            }
        } finally {
            flipByte(position);
        }
        assertThat(verify("").path("result").asString()).isEqualTo("intact");
    }

    @Test
    void aRemovedEventIsNamedByBothReaders() {
        JsonNode event = propertyEvents("removed-" + UUID.randomUUID()).get(0);
        long position = event.path("position").asLong();
        checkpointWith(position);
        Map<String, Object> row = StoreTampering.row(jdbc, position);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", position);
        try {
            for (JsonNode answer : List.of(verify(entity(event)), verify(""), verifiedRowByRow())) {
                StoreTampering.assertFirstBreak(answer, "removed", position, event.path("eventId").asString());
            }
        } finally {
            // No trigger in this schema: the row goes back as it was, and nothing else is written.
            StoreTampering.putBack(jdbc, row);
        }
        assertThat(verify("").path("result").asString()).isEqualTo("intact");
    }

    /**
     * Through the {@code EventStore} only the whole log's verify sees where events stand: one entity's events come
     * from {@code readEvents}, which carries no positions, and take theirs from the leaves (docs/audit.md).
     */
    @Test
    void twoSwappedEventsAreNamedAsReorderedByBothReaders() {
        List<JsonNode> events = propertyEvents("swapped-" + UUID.randomUUID());
        long first = events.get(0).path("position").asLong();
        long second = events.get(events.size() - 1).path("position").asLong();
        checkpointWith(second);
        swap(first, second);
        try {
            for (JsonNode answer : List.of(verify(""), verifiedRowByRow())) {
                JsonNode found = StoreTampering.assertFirstBreak(answer, "reordered", first,
                                                                 events.get(0).path("eventId").asString());
                assertThat(found.path("detail").asString()).contains("position " + second);
            }
        } finally {
            swap(first, second);
        }
        assertThat(verify("").path("result").asString()).isEqualTo("intact");
    }

    void flipByte(long position) {
        StoreTampering.flipByte(jdbc, position);
    }

    void swap(long first, long second) {
        StoreTampering.swap(jdbc, first, second);
    }
}
