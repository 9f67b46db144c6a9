package io.alter8.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the query side reads the event stream from when it is the JDBC event store: the command side's database
 * and schema. It may be the same PostgreSQL database as the read models or another one.
 *
 * @param fetchDelay how long the reader waits before asking the store again when it has caught up; the store sits
 *                   in another process, so this bounds how stale a read model is
 */
@ConfigurationProperties("alter8.event-store")
record EventStoreProperties(String url, String username, String password, String schema, int poolSize,
                            Duration fetchDelay) {

    EventStoreProperties {
        schema = schema == null ? "command_side" : schema;
        poolSize = poolSize <= 0 ? 4 : poolSize;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(20) : fetchDelay;
    }
}
