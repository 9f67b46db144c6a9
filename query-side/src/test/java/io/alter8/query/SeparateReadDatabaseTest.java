package io.alter8.query;

import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.EmbeddedStack;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models in a database of their own (here a second database on the same server), reading the event store
 * in the command side's database: the other supported set-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedStackInitializer.class, EventStoreSchemaInitializer.class,
                                      SeparateReadDatabaseTest.ReadDatabase.class})
class SeparateReadDatabaseTest {

    static final String READ_DATABASE = "alter8_read";

    static class ReadDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            EmbeddedStack stack = EmbeddedStack.shared();
            stack.createDatabase(READ_DATABASE);
            // Other read models, other caches: a Redis database of their own, or the two would evict each other's.
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context, "spring.datasource.url=" + stack.jdbcUrl(READ_DATABASE),
                    "spring.data.redis.url=redis://" + stack.redisHost() + ":" + stack.redisPort() + "/1");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate readDatabase;

    @Test
    void projectsIntoTheReadDatabaseAndKeepsItsTokensThere() {
        UUID id = UUID.randomUUID();
        long position = EventStoreFixture.shared().append("Property", id, 0, io.alter8.query.property.TestEvents
                .registered(id, "Loft", "Mumbai", PropertyType.APARTMENT, 1, "30000"));

        ApiClient.Response r = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                .get("/api/properties/" + id, "X-Await-Position", Long.toString(position));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("title").asString()).isEqualTo("Loft");
        assertThat(readDatabase.queryForObject("SELECT current_database()", String.class)).isEqualTo(READ_DATABASE);
        assertThat(readDatabase.queryForObject("SELECT count(*) FROM property_listing WHERE id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(readDatabase.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'property-listing'", Long.class))
                .isPositive();
    }
}
