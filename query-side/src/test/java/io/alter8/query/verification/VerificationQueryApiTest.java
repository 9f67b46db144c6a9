package io.alter8.query.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.Role;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationFeedbackGiven;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.property.TestEvents;
import io.alter8.query.user.UserTestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifications and agent ratings through HTTP, fed by events appended to the real event store: who sees which
 * verification (401, 403, 404 and each role's part), filters, and the agent directory by rating.
 */
@QuerySideTest
class VerificationQueryApiTest {

    @LocalServerPort
    int port;
    EventStoreFixture store = EventStoreFixture.shared();
    UUID owner = UUID.randomUUID();
    UUID manager = UUID.randomUUID();
    TestEvents.Listing flat;
    VerificationTestEvents visited;
    VerificationTestEvents other;
    String head;

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    ApiClient as(String role) {
        return as(UUID.randomUUID(), role);
    }

    /** A property of {@code owner} managed by {@code manager}, verified with an agent; another owner's one opened. */
    @BeforeEach
    void setUp() {
        flat = new TestEvents.Listing().owner(owner);
        flat.publish(store);
        flat.append(store, new PropertyManagerChanged(new PropertyId(flat.id), null, new UserId(manager),
                                                      new UserId(owner)));
        visited = new VerificationTestEvents(flat.id, owner);
        visited.append(store, visited.visited(4, 5).toArray());
        other = new VerificationTestEvents();
        head = Long.toString(other.append(store, other.opened(VerificationType.STANDARD), other.assigned(null)));
    }

    private List<String> ids(ApiClient who, String query) {
        Response r = who.get("/api/verifications" + query, "X-Await-Position", head);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }

    private List<String> both(ApiClient who) {
        List<String> first = ids(who, "?propertyId=" + flat.id);
        List<String> second = ids(who, "?propertyId=" + other.property);
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private int single(ApiClient who, VerificationTestEvents v) {
        return who.get("/api/verifications/" + v.id, "X-Await-Position", head).status();
    }

    @Test
    void oneVerificationShowsItsReportOutcomeAndFeedback() {
        Response r = as("admin").get("/api/verifications/" + visited.id, "X-Await-Position", head);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"5\"");
        JsonNode v = r.json();
        assertThat(v.path("propertyId").asString()).isEqualTo(flat.id.toString());
        assertThat(v.path("type").asString()).isEqualTo("legal");
        assertThat(v.path("status").asString()).isEqualTo("completed");
        assertThat(v.path("fieldExecutiveId").asString()).isEqualTo(visited.executive.toString());
        assertThat(v.path("agentId").asString()).isEqualTo(visited.agent.toString());
        assertThat(v.path("scheduledAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(v.path("startedAt").isNull()).isFalse();
        assertThat(v.path("completedAt").isNull()).isFalse();
        JsonNode report = v.path("report");
        assertThat(report.path("qualityScore").asInt()).isEqualTo(8);
        assertThat(report.path("issuesFound").get(0).asString()).isEqualTo("damp wall");
        assertThat(report.path("mediaIds").get(0).asString()).isEqualTo(VerificationTestEvents.PHOTO.toString());
        assertThat(report.path("mediaIds")).hasSize(1);
        assertThat(report.path("legacyMediaUrls")).isEmpty();
        assertThat(report.path("details").path("plumbing").asString()).isEqualTo("ok");
        assertThat(report.path("legal").path("titleClear").asBoolean()).isTrue();
        assertThat(v.path("feedback").path("agentRating").asInt()).isEqualTo(4);
        assertThat(v.path("feedback").path("executiveRating").asInt()).isEqualTo(5);
    }

    @Test
    void readersSeeAllOthersTheirOwnPart() {
        for (String reader : List.of("admin", "super_admin", "auditor", "analyst")) {
            assertThat(both(as(reader))).as(reader).containsExactly(visited.id.toString(), other.id.toString());
        }
        assertThat(both(as(visited.executive, "field_executive"))).containsExactly(visited.id.toString());
        assertThat(both(as(other.executive, "field_executive"))).containsExactly(other.id.toString());
        assertThat(both(as(visited.agent, "agent"))).containsExactly(visited.id.toString());
        assertThat(both(as(owner, "owner"))).containsExactly(visited.id.toString());
        assertThat(both(as(manager, "property_manager"))).containsExactly(visited.id.toString());
        assertThat(both(as("field_executive"))).isEmpty();
        assertThat(both(as("agent"))).isEmpty();
        assertThat(both(as("owner"))).isEmpty();
        assertThat(both(as("property_manager"))).isEmpty();
    }

    @Test
    void aVerificationTheCallerMayNotSeeIsNotFound() {
        assertThat(single(as(visited.executive, "field_executive"), visited)).isEqualTo(200);
        assertThat(single(as(visited.agent, "agent"), visited)).isEqualTo(200);
        assertThat(single(as(owner, "owner"), visited)).isEqualTo(200);
        assertThat(single(as(manager, "property_manager"), visited)).isEqualTo(200);
        assertThat(single(as("auditor"), visited)).isEqualTo(200);
        for (String role : List.of("field_executive", "agent", "owner", "property_manager")) {
            Response r = as(role).get("/api/verifications/" + visited.id, "X-Await-Position", head);
            assertThat(r.status()).as(role).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        assertThat(single(as(visited.executive, "field_executive"), other)).isEqualTo(404);
        assertThat(as("admin").get("/api/verifications/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void tenantsHaveNoVerificationsAndStrangersNoAccess() {
        assertThat(as("tenant").get("/api/verifications").status()).isEqualTo(403);
        assertThat(as("tenant").get("/api/verifications/" + visited.id).status()).isEqualTo(403);
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        assertThat(anonymous.get("/api/verifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/verifications/" + visited.id).status()).isEqualTo(401);
    }

    @Test
    void filtersByStatusAndTypeAndRefusesBadOnes() {
        ApiClient admin = as("admin");
        assertThat(ids(admin, "?propertyId=" + flat.id + "&status=completed&type=legal"))
                .containsExactly(visited.id.toString());
        assertThat(ids(admin, "?propertyId=" + flat.id + "&status=assigned")).isEmpty();
        assertThat(ids(admin, "?propertyId=" + other.property + "&status=assigned"))
                .containsExactly(other.id.toString());

        Response bad = admin.get("/api/verifications?status=done&type=gold&propertyId=x&size=500");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .contains("status", "type", "propertyId", "size");
    }

    /** An agent of this test's own city, verified, with the given experience. */
    private UUID verifiedAgent(String city, int experienceYears) {
        UUID id = UUID.randomUUID();
        store.append("UserAccount", id, 0, UserTestEvents.registered(id, "Agent" + experienceYears, "Rao",
                                                                      Role.AGENT));
        store.append("UserAccount", id, 1, UserTestEvents.agentProfile(id, city, experienceYears, "residential"));
        store.append("UserAccount", id, 2, UserTestEvents.licenceReviewed(id, AgentVerificationStatus.PENDING,
                                                                           AgentVerificationStatus.VERIFIED));
        return id;
    }

    /** A verification of a new property, visited by {@code executive} with {@code agent}, rated by its owner. */
    private long rated(UUID agent, UUID executive, int agentRating, int executiveRating) {
        VerificationTestEvents v = new VerificationTestEvents();
        v.append(store, v.opened(VerificationType.STANDARD),
                 new VerificationAssigned(v.id, new UserId(executive), new UserId(agent), VerificationStatus.ASSIGNED,
                                          new UserId(v.admin)),
                 v.completed());
        return v.append(store, new VerificationFeedbackGiven(v.id, new UserId(agent), agentRating,
                                                             new UserId(executive), executiveRating, null,
                                                             new UserId(v.owner)));
    }

    @Test
    void theAgentDirectoryRanksTheBestRatedFirstAndShowsAverageAndCount() {
        String city = "City-" + UUID.randomUUID().toString().substring(0, 8);
        UUID veteran = verifiedAgent(city, 20);
        UUID liked = verifiedAgent(city, 3);
        UUID unrated = verifiedAgent(city, 30);
        UUID executive = UUID.randomUUID();
        store.append("UserAccount", executive, 0, UserTestEvents.registered(executive, "Exec", "Rao",
                                                                             Role.FIELD_EXECUTIVE));
        rated(veteran, executive, 3, 4);
        rated(liked, executive, 5, 5);
        long last = rated(liked, executive, 4, 2);
        ApiClient tenant = as("tenant");

        Response r = tenant.get("/api/agents?city=" + city, "X-Await-Position", Long.toString(last));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = r.json().path("items").valueStream().toList();
        assertThat(items).extracting(i -> i.path("id").asString())
                         .containsExactly(liked.toString(), veteran.toString(), unrated.toString());
        assertThat(items.get(0).path("averageRating").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(r.body()).contains("\"averageRating\":4.50,");
        assertThat(items.get(0).path("totalRatings").asInt()).isEqualTo(2);
        assertThat(items.get(2).path("averageRating").isNull()).isTrue();
        assertThat(items.get(2).path("totalRatings").asInt()).isZero();
        assertThat(tenant.get("/api/agents?city=" + city + "&sort=rating,asc").json().path("items").get(0)
                         .path("id").asString()).isEqualTo(veteran.toString());
        assertThat(tenant.get("/api/agents?city=" + city + "&sort=experienceYears").json().path("items").get(0)
                         .path("id").asString()).isEqualTo(unrated.toString());

        JsonNode ratings = as("admin").get("/api/users/" + executive).json().path("ratings");
        assertThat(ratings.path("averageRating").decimalValue()).isEqualByComparingTo("3.67");
        assertThat(ratings.path("totalRatings").asInt()).isEqualTo(3);
    }
}
