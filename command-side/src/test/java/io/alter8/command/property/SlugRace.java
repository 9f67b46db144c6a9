package io.alter8.command.property;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Two registrations racing for one slug, made to happen every time: another property claims the slug in a
 * transaction left open, the request is sent, and once its own claim waits on that row the other commits first.
 * The request saw the slug free when it chose it, as the loser of a real race does.
 */
final class SlugRace {

    private SlugRace() {
    }

    static <T> T lostTo(JdbcTemplate jdbc, String slug, Callable<T> request) throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection racer = jdbc.getDataSource().getConnection()) {
            racer.setAutoCommit(false);
            try (PreparedStatement claim = racer.prepareStatement(
                    "INSERT INTO property_slug_claim (slug, property_id) VALUES (?, ?)")) {
                claim.setString(1, slug);
                claim.setObject(2, UUID.randomUUID());
                claim.executeUpdate();
            }
            Future<T> answer = client.submit(request);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND query LIKE '%INSERT INTO property_slug_claim%'", Long.class) > 0);
            racer.commit();
            return answer.get(20, TimeUnit.SECONDS);
        } finally {
            client.shutdownNow();
        }
    }
}
