package io.alter8.command.verification;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.media.MediaTestFiles;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Part;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property verifications over HTTP on the real event store: the request through the property, the visit, the report,
 * the process that then marks the property verified or rejected, the owner's feedback, and the
 * refusals (400, 403, 404, 409, 412).
 */
@CommandSideTest
class VerificationApiTest {

    static final String REPORT = """
            {"qualityScore": 8, "issuesFound": ["damp wall in bedroom"], "recommendations": ["repaint"],
             "report": {"plumbing": "ok", "electrical": "ok"}}""";
    /** The report naming media by id. */
    static final String REPORT_WITH_MEDIA = """
            {"qualityScore": 8, "issuesFound": ["damp wall in bedroom"], "mediaIds": [%s],
             "report": {"plumbing": "ok"}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient admin;
    UUID ownerId;
    ApiClient owner;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        ownerId = UUID.randomUUID();
        owner = as(ownerId, "owner");
    }

    ApiClient as(UUID user, String role) {
        return anonymous.withToken(TestTokens.mint(user, role));
    }

    /** A real, active user of {@code role}: signed up as an owner, then given the role by an admin. */
    UUID user(String role) {
        UUID id = TestUsers.register(anonymous, "staff-" + UUID.randomUUID() + "@example.com",
                                     "+919%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000)),
                                     "owner", "IN", "a long enough password").id();
        Response given = admin.put("/api/users/" + id + "/role", "{\"role\": \"" + role + "\"}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        return id;
    }

    String property() {
        Response r = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat to verify", "20000"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    Response request(ApiClient who, String property, String type) {
        return who.post("/api/properties/" + property + "/verifications", "{\"type\": \"" + type + "\"}");
    }

    String requested(String property) {
        Response r = request(owner, property, "standard");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    /** What the property's last verification event says its verification is. */
    String propertyVerification(String property) {
        return jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'status' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%.PropertyVerificationChanged'
                ORDER BY sequence_number DESC LIMIT 1""", String.class, property);
    }

    List<String> eventTypes(String aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, aggregate).stream()
                   .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** A photo of the property its field executive uploads for the verification; its media id. */
    String photo(ApiClient executive, String property, String verification) {
        Response r = executive.postMultipart("/api/properties/" + property + "/media", List.of(
                Part.field("kind", "image"), Part.field("verificationId", verification),
                Part.file("file", "hall.jpg", "image/jpeg", MediaTestFiles.jpeg(64, 64))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    String lastPayload(String aggregate) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                           + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                                   String.class, aggregate);
    }

    String future() {
        return Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void anOwnersRequestIsVisitedReportedAndMakesThePropertyVerified() {
        UUID executiveId = user("field_executive");
        UUID agentId = user("agent");
        ApiClient executive = as(executiveId, "field_executive");
        String property = property();

        Response requested = request(owner, property, "standard");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().path("id").asString();
        assertThat(requested.header("Location")).isEqualTo("http://query.test/api/verifications/" + id);
        assertThat(requested.json().path("version").asLong()).isZero();
        assertThat(requested.json().path("position").asLong()).isPositive();
        assertThat(eventTypes(id)).containsExactly("VerificationOpened");
        assertThat(propertyVerification(property)).isEqualTo("in_progress");

        Response assigned = admin.put("/api/verifications/" + id + "/assignment", """
                {"fieldExecutiveId": "%s", "agentId": "%s"}""".formatted(executiveId, agentId));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.header("ETag")).isEqualTo("\"1\"");
        Response scheduled = executive.put("/api/verifications/" + id + "/schedule",
                                           "{\"scheduledAt\": \"" + future() + "\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(executive.post("/api/verifications/" + id + "/start", "").status()).isEqualTo(200);

        String photo = photo(executive, property, id);
        Response elsewhere = executive.post("/api/verifications/" + id + "/completion", REPORT_WITH_MEDIA.formatted(
                "\"" + photo + "\", \"" + UUID.randomUUID() + "\""));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(400);
        assertThat(elsewhere.header("Content-Type")).startsWith("application/problem+json");
        assertThat(elsewhere.json().path("errors").findValuesAsString("field")).containsExactly("mediaIds[1]");
        assertThat(eventTypes(id)).doesNotContain("VerificationCompleted");

        Response completed = executive.post("/api/verifications/" + id + "/completion",
                                            REPORT_WITH_MEDIA.formatted("\"" + photo + "\""));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(lastPayload(id)).contains("\"mediaIds\":[\"" + photo + "\"]")
                                  .contains("\"legacyMediaUrls\":[]");
        assertThat(completed.json().path("version").asLong()).isEqualTo(4);
        // The verification process records the outcome on the property right after the completion is stored.
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(propertyVerification(property)).isEqualTo("verified"));

        String feedback = "{\"agentRating\": 4, \"executiveRating\": 5, \"feedback\": \"punctual\"}";
        Response rated = owner.put("/api/verifications/" + id + "/feedback", feedback);
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        Response again = owner.put("/api/verifications/" + id + "/feedback", feedback);
        assertThat(again.json().path("version").asLong()).isEqualTo(rated.json().path("version").asLong());
        assertThat(eventTypes(id)).containsExactly("VerificationOpened", "VerificationAssigned",
                                                   "VerificationScheduled", "VerificationStarted",
                                                   "VerificationCompleted", "VerificationFeedbackGiven");

        // The property is free for the next verification, and stays verified while it runs.
        assertThat(request(owner, property, "premium").status()).isEqualTo(201);
        assertThat(propertyVerification(property)).isEqualTo("verified");
    }

    @Test
    void anIdAnotherKindOfEntityHoldsIsRefusedBeforeThePropertyAcceptsIt() {
        String property = property();
        String otherProperty = property();
        List<String> before = eventTypes(property);

        Response taken = owner.post("/api/properties/" + property + "/verifications",
                                    "{\"id\": \"" + otherProperty + "\", \"type\": \"standard\"}");

        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).isEqualTo("https://alter8.io/problems/id-taken");
        assertThat(eventTypes(property)).isEqualTo(before);
        assertThat(request(owner, property, "standard").status()).isEqualTo(201);
    }

    @Test
    void aRejectionMakesThePropertyRejected() {
        UUID executiveId = user("field_executive");
        String property = property();
        String id = requested(property);
        admin.put("/api/verifications/" + id + "/assignment", "{\"fieldExecutiveId\": \"" + executiveId + "\"}");

        Response rejected = as(executiveId, "field_executive")
                .post("/api/verifications/" + id + "/rejection", "{\"reason\": \"not the flat in the photos\"}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(propertyVerification(property)).isEqualTo("rejected"));
        Response noAgent = owner.put("/api/verifications/" + id + "/feedback",
                                     "{\"agentRating\": 3, \"executiveRating\": 2}");
        assertThat(noAgent.status()).isEqualTo(409);
        assertThat(noAgent.json().path("detail").asString()).isEqualTo("no agent was assigned to rate");
    }

    @Test
    void oneVerificationOfAPropertyIsOpenAtATime() {
        String property = property();
        requested(property);

        Response second = request(owner, property, "legal");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).hasValue("application/problem+json");
        assertThat(second.json().path("type").asString()).endsWith("/verification-open");
    }

    @Test
    void theSameRequestWithTheSameIdOrIdempotencyKeyOpensNothingNew() {
        String property = property();
        String body = "{\"id\": \"" + UUID.randomUUID() + "\", \"type\": \"standard\"}";
        Response first = owner.post("/api/properties/" + property + "/verifications", body);
        Response again = owner.post("/api/properties/" + property + "/verifications", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("version").asLong()).isZero();

        String other = property();
        Response keyed = owner.post("/api/properties/" + other + "/verifications", "{\"type\": \"premium\"}",
                                    "Idempotency-Key", "verify-" + other);
        Response replayed = owner.post("/api/properties/" + other + "/verifications", "{\"type\": \"premium\"}",
                                       "Idempotency-Key", "verify-" + other);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().path("id").asString()).isEqualTo(keyed.json().path("id").asString());
    }

    @Test
    void anotherOwnerCannotRequestAVerificationOfYourProperty() {
        String property = property();

        Response r = request(as(UUID.randomUUID(), "owner"), property, "standard");

        assertThat(r.status()).as("a private property is unknown to them").isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void aFieldExecutiveActsOnlyOnVerificationsAssignedToThem() {
        UUID executiveId = user("field_executive");
        String id = requested(property());
        admin.put("/api/verifications/" + id + "/assignment", "{\"fieldExecutiveId\": \"" + executiveId + "\"}");
        ApiClient stranger = as(UUID.randomUUID(), "field_executive");

        assertThat(stranger.post("/api/verifications/" + id + "/start", "").status()).isEqualTo(403);
        assertThat(stranger.put("/api/verifications/" + id + "/schedule", "{\"scheduledAt\": \"" + future() + "\"}")
                           .status()).isEqualTo(403);
        assertThat(stranger.post("/api/verifications/" + id + "/completion", REPORT).status()).isEqualTo(403);
        assertThat(stranger.post("/api/verifications/" + id + "/rejection", "{\"reason\": \"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void assigningSomeoneWhoIsNotAFieldExecutiveIsRefused() {
        String id = requested(property());

        Response r = admin.put("/api/verifications/" + id + "/assignment",
                               "{\"fieldExecutiveId\": \"" + UUID.randomUUID() + "\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).endsWith("/not-a-field-executive");
    }

    @Test
    void badInputListsEveryBadField() {
        String id = requested(property());

        Response report = admin.post("/api/verifications/" + id + "/completion", """
                {"qualityScore": 11, "mediaIds": [null], "legal": {"documentsVerified": true}}""");
        assertThat(report.status()).isEqualTo(400);
        assertThat(report.json().path("errors").findValuesAsString("field"))
                .contains("qualityScore", "mediaIds[0]", "legal.titleClear");

        Response past = admin.put("/api/verifications/" + id + "/schedule",
                                  "{\"scheduledAt\": \"2020-01-01T00:00:00Z\"}");
        assertThat(past.status()).isEqualTo(400);
        Response feedback = owner.put("/api/verifications/" + id + "/feedback", "{\"agentRating\": 9}");
        assertThat(feedback.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("agentRating", "executiveRating");
        Response type = request(owner, property(), "platinum");
        assertThat(type.status()).isEqualTo(400);
    }

    @Test
    void anUnknownVerificationIs404AndAStaleVersion412() {
        Response unknown = admin.put("/api/verifications/" + UUID.randomUUID() + "/assignment",
                                     "{\"fieldExecutiveId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValue("application/problem+json");

        String property = property();
        String id = requested(property);
        Response stale = admin.post("/api/verifications/" + id + "/rejection", "{\"reason\": \"duplicate\"}",
                                    "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        Response current = admin.post("/api/verifications/" + id + "/rejection", "{\"reason\": \"duplicate\"}",
                                      "If-Match", "\"0\"");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(propertyVerification(property)).isEqualTo("rejected"));
    }
}
