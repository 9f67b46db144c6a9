package io.alter8.query;

import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.property.TestEvents;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side as docker-compose runs it: the {@code axonserver} profile, its processors streaming from Axon Server
 * and its queries routed through it. PostgreSQL, Redis and MongoDB are the embedded stack; only Axon Server is a
 * container. Needs a Docker engine; without one the class is skipped before any container or Spring context starts.
 * <p>
 * Its own Spring context, closed after the class so that it does not keep reconnecting to a container that is gone.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedStackInitializer.class)
@ActiveProfiles("axonserver")
@DirtiesContext
class AxonServerTest {

    /** The image docker-compose.yml runs; override with -Dalter8.axonserver.image=... to try another release. */
    static final String AXON_SERVER_IMAGE =
            System.getProperty("alter8.axonserver.image", "axoniq/axonserver:2024.2.4-jdk-17");
    static final int AXON_SERVER_HTTP = 8024;
    static final int AXON_SERVER_GRPC = 8124;

    @Container
    static final GenericContainer<?> AXON_SERVER = new GenericContainer<>(DockerImageName.parse(AXON_SERVER_IMAGE))
            // Standalone: one node that creates the default context itself.
            .withEnv("AXONIQ_AXONSERVER_STANDALONE", "TRUE")
            .withExposedPorts(AXON_SERVER_HTTP, AXON_SERVER_GRPC)
            .waitingFor(Wait.forHttp("/actuator/health").forPort(AXON_SERVER_HTTP).forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(3)));

    @DynamicPropertySource
    static void axonServer(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers",
                     () -> AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(AXON_SERVER_GRPC));
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void projectsAnEventFromAxonServerAndReadsItsOwnWrite() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
               .untilAsserted(() -> assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200));

        // Stored as the command side stores it; in a fresh Axon Server this is the first event, at position 0.
        UUID id = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>(
                "Property", id.toString(), 0,
                TestEvents.registered(id, "2BHK", "Bengaluru", PropertyType.APARTMENT, 2, "25000"),
                MetaData.with("correlationId", "axon-server-test")));
        TrackingToken head = eventStore.createHeadToken();
        long position = head.position().orElseThrow();

        // The query handler's subscription reaches Axon Server asynchronously: retry server errors until it routes.
        // A 404 is not retried: after awaiting the position, the property must be there.
        Response[] read = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            read[0] = api.get("/api/properties/" + id, "X-Await-Position", Long.toString(position));
            return read[0].status() < 500;
        });

        assertThat(read[0].status()).as(read[0].body()).isEqualTo(200);
        assertThat(read[0].json().path("title").asString()).isEqualTo("2BHK");
        assertThat(read[0].json().path("terms").path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(Long.parseLong(read[0].header("X-Read-Position"))).isGreaterThanOrEqualTo(position);
    }
}
