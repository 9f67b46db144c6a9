package io.alter8.command;

import io.alter8.api.property.PropertyRegistered;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.DevKeys;
import io.alter8.infra.stack.TestTokens;
import io.alter8.infra.stack.ApiClient.Response;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side as docker-compose runs it: the {@code axonserver} profile, Axon Server as event store and command
 * bus, Postgres for the service's own tables. Needs a Docker engine; without one the class is skipped before any
 * container or Spring context starts ({@code disabledWithoutDocker} is evaluated first, as a JUnit condition).
 * <p>
 * Its own Spring context (other tests use the embedded stack), closed after the class so that it does not keep
 * reconnecting to a container that is gone.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "alter8.query-side.base-url=http://query.test")
@ActiveProfiles("axonserver")
@DirtiesContext
class AxonServerTest {

    /** The image docker-compose.yml runs; override with -Dalter8.axonserver.image=... to try another release. */
    static final String AXON_SERVER_IMAGE =
            System.getProperty("alter8.axonserver.image", "axoniq/axonserver:2024.2.4-jdk-17");
    static final int AXON_SERVER_HTTP = 8024;
    static final int AXON_SERVER_GRPC = 8124;
    static final KeyPair CHECKPOINT_KEYS = DevKeys.checkpointKeys();

    @Container
    static final GenericContainer<?> AXON_SERVER = new GenericContainer<>(DockerImageName.parse(AXON_SERVER_IMAGE))
            // Standalone: one node that creates the default context itself.
            .withEnv("AXONIQ_AXONSERVER_STANDALONE", "TRUE")
            .withExposedPorts(AXON_SERVER_HTTP, AXON_SERVER_GRPC)
            .waitingFor(Wait.forHttp("/actuator/health").forPort(AXON_SERVER_HTTP).forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(3)));

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(DockerImageName.parse("postgres:18"))
            .withDatabaseName("alter8");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("alter8.security.jwt.public-key", TestTokens::publicKeyPem);
        registry.add("alter8.security.jwt.private-key", TestTokens::privateKeyPem);
        registry.add("alter8.audit.signing-key", () -> DevKeys.oneLine(CHECKPOINT_KEYS.getPrivate().getEncoded()));
        registry.add("alter8.audit.public-key", () -> DevKeys.oneLine(CHECKPOINT_KEYS.getPublic().getEncoded()));
        registry.add("axon.axonserver.servers",
                     () -> AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(AXON_SERVER_GRPC));
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void registersAPropertyWhoseEventAxonServerStores() throws InterruptedException {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "owner"));

        String id = UUID.randomUUID().toString();
        Response created = register(api, id, "axon-server-test");

        JsonNode answer = created.json();
        assertThat(answer.path("id").asString()).isEqualTo(id);
        // The registration and its one unit.
        assertThat(answer.path("version").asLong()).isEqualTo(1);
        assertThat(answer.has("position")).as(created.body()).isTrue();
        assertThat(created.header("Location")).isEqualTo("http://query.test/api/properties/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(2);
        DomainEventMessage<?> registered = events.get(0);
        assertThat(registered.getSequenceNumber()).isZero();
        assertThat(registered.getPayload()).isInstanceOfSatisfying(PropertyRegistered.class, event -> {
            assertThat(event.propertyId().toString()).isEqualTo(id);
            assertThat(event.title()).isEqualTo("2BHK");
            assertThat(event.terms().monthlyRent().amount()).isEqualByComparingTo("25000.00");
        });
        assertThat(registered.getMetaData()).containsEntry("correlationId", "axon-server-test");

        // The answered position is where the last event sits in Axon Server's global stream (this test is its only
        // writer), which is what the query side waits for when a client sends it as X-Await-Position.
        assertThat(globalIndexOf(id)).isEqualTo(answer.path("position").asLong());
    }

    /** A property registered once the service is connected; answers the 201. */
    private static Response register(ApiClient api, String id, String correlationId) {
        // Ready means connected to Axon Server (the axonServer indicator of the axonserver profile).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
               .untilAsserted(() -> assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200));
        // The id is in the body, so a retry is idempotent: the command handler's subscription reaches Axon Server
        // asynchronously, and a command sent just before it arrives finds no handler.
        String body = PropertyBodies.apartment(id, null, "2BHK", "25000.00");
        Response[] created = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            created[0] = api.post("/api/properties", body, "X-Correlation-Id", correlationId);
            assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
        });
        return created[0];
    }

    /**
     * Auditors read the log Axon Server stores through Axon's EventStore, positions being Axon Server's, and the
     * leaves the recorder writes as it reads the stream verify intact and prove an event's inclusion in a signed
     * checkpoint (docs/audit.md, "Under Axon Server"). Other roles are still refused.
     */
    @Test
    void auditorsReadAndVerifyTheLogAxonServerStores() throws InterruptedException {
        ApiClient client = new ApiClient("http://localhost:" + port);
        ApiClient auditor = client.withToken(TestTokens.mint(UUID.randomUUID(), "auditor"));
        String id = UUID.randomUUID().toString();
        String correlation = "axon-server-audit-" + id;
        register(client.withToken(TestTokens.mint(UUID.randomUUID(), "owner")), id, correlation);

        Response history = auditor.get("/api/audit/property/" + id + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode events = history.json().path("events");
        assertThat(events.size()).isEqualTo(2);
        long last = events.get(1).path("position").asLong();
        assertThat(last).isEqualTo(globalIndexOf(id));
        assertThat(events.get(0).path("payload").path("title").asString()).isEqualTo("2BHK");
        Response state = auditor.get("/api/audit/property/" + id + "/state?position=" + last);
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.json().path("version").asLong()).isEqualTo(1);
        Response page = auditor.get("/api/audit/events?correlationId=" + correlation);
        assertThat(page.json().path("items").valueStream().map(e -> e.path("position").asLong()))
                .contains(events.get(0).path("position").asLong(), last);
        assertThat(auditor.get("/api/audit/correlations/" + correlation).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Response checkpoint = auditor.post("/api/audit/checkpoints", "");
            assertThat(checkpoint.status()).as(checkpoint.body()).isEqualTo(200);
            assertThat(checkpoint.json().path("treeSize").asLong()).isGreaterThan(last);
        });
        Response verified = auditor.get("/api/audit/verify");
        assertThat(verified.json().path("result").asString()).as(verified.body()).isEqualTo("intact");
        assertThat(verified.json().path("eventsChecked").asLong()).isGreaterThan(last);
        Response inclusion = auditor.get("/api/audit/proofs/inclusion?position=" + last);
        assertThat(inclusion.status()).as(inclusion.body()).isEqualTo(200);
        assertThat(inclusion.json().path("event").path("eventId").asString())
                .isEqualTo(events.get(1).path("eventId").asString());

        ApiClient owner = client.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        for (String path : List.of("/api/audit/events", "/api/audit/verify", "/api/audit/checkpoints/latest",
                                   "/api/audit/property/" + id + "/events")) {
            assertThat(owner.get(path).status()).as(path).isEqualTo(403);
        }
    }

    private long globalIndexOf(String aggregateId) throws InterruptedException {
        Long last = null;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain && aggregateId.equals(domain.getAggregateIdentifier())) {
                    last = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
                }
            }
        }
        if (last == null) {
            throw new AssertionError("event of " + aggregateId + " not in Axon Server's stream");
        }
        return last;
    }
}
