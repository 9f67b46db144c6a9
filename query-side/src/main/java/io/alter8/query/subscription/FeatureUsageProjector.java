package io.alter8.query.subscription;

import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.subscription.Features;
import io.alter8.api.verification.PropertyVerificationRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code feature_usage}: one row per thing an account's plan counts, from the events that make it count and
 * end it, as the command side counts them when it enforces the limits. Rows are keyed by (feature, thing), so a
 * replay or redelivery writes the same rows; the owner of a unit or lease is read from its property's row, which
 * an earlier event of the stream wrote (one segment, so events are handled in the order they were stored).
 */
@Component
@ProcessingGroup(FeatureUsageProjector.PROCESSING_GROUP)
class FeatureUsageProjector {

    static final String PROCESSING_GROUP = "feature-usage";
    private static final String IN_FORCE = "";

    private final JdbcTemplate jdbc;
    private final SubscriptionCache cache;

    FeatureUsageProjector(JdbcTemplate jdbc, SubscriptionCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventHandler
    void on(PropertyRegistered event, @Timestamp Instant at) {
        count(Features.PROPERTIES, event.propertyId().value(), event.ownerId().value(), IN_FORCE, at);
    }

    @EventHandler
    void on(UnitAdded event, @Timestamp Instant at) {
        countForOwnerOf(event.propertyId().value(), Features.UNITS, event.unitId().value(), at);
    }

    @EventHandler
    void on(UnitRemoved event) {
        uncount(Features.UNITS, event.unitId().value());
    }

    @EventHandler
    void on(PropertyVerificationRequested event, @Timestamp Instant at) {
        count(Features.VERIFICATION_REQUESTS, event.verificationId().value(), event.ownerId().value(),
              SubscriptionQueries.month(at), at);
    }

    @EventHandler
    void on(LeaseActivationRequested event, @Timestamp Instant at) {
        countForOwnerOf(event.propertyId().value(), Features.LEASES_IN_FORCE, event.leaseId().value(), at);
    }

    @EventHandler
    void on(LeaseActivationRefused event) {
        uncount(Features.LEASES_IN_FORCE, event.leaseId().value());
    }

    @EventHandler
    void on(LeaseTerminated event) {
        uncount(Features.LEASES_IN_FORCE, event.leaseId().value());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM feature_usage");
        cache.dropAll();
    }

    /** Counts {@code item} for the account its property is counted for: one statement, answering that account. */
    private void countForOwnerOf(UUID property, String feature, UUID item, Instant at) {
        jdbc.queryForList("""
                WITH owner AS (SELECT account_id FROM feature_usage WHERE feature = ? AND item_id = ?),
                     counted AS (INSERT INTO feature_usage (feature, item_id, account_id, period, counted_at)
                                 SELECT ?, ?, account_id, ?, ? FROM owner ON CONFLICT DO NOTHING)
                SELECT account_id FROM owner""", UUID.class, Features.PROPERTIES, property, feature, item, IN_FORCE,
                          utc(at))
            .forEach(cache::usageChanged);
    }

    private void count(String feature, UUID item, UUID account, String period, Instant at) {
        jdbc.update("INSERT INTO feature_usage (feature, item_id, account_id, period, counted_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", feature, item, account, period, utc(at));
        cache.usageChanged(account);
    }

    private void uncount(String feature, UUID item) {
        jdbc.queryForList("DELETE FROM feature_usage WHERE feature = ? AND item_id = ? RETURNING account_id",
                          UUID.class, feature, item)
            .forEach(cache::usageChanged);
    }
}
