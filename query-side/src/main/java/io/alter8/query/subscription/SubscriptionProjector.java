package io.alter8.query.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.subscription.FeatureDefined;
import io.alter8.api.subscription.PlanDeactivated;
import io.alter8.api.subscription.PlanDefined;
import io.alter8.api.subscription.PlanRecommended;
import io.alter8.api.subscription.PlanRevised;
import io.alter8.api.subscription.RecommendationApplied;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionInvoiced;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.query.jdbc.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code subscription_plan}, {@code subscription} and {@code subscription_billing} from the Plan and
 * Subscription aggregates' events through {@link VersionedRows} (keyed, guarded by version; billing rows keyed by the
 * event that recorded them), and after each commit refreshes the account's Redis entries ({@link SubscriptionCache}).
 */
@Component
@ProcessingGroup(SubscriptionProjector.PROCESSING_GROUP)
class SubscriptionProjector {

    static final String PROCESSING_GROUP = "subscriptions";

    /**
     * A billing row of the written subscription, recorded by the event at the statement's sequence number; the plan
     * is the event's, or (null) the subscription's.
     */
    private static final String BILLING = """
            INSERT INTO subscription_billing (subscription_id, sequence, plan_id, kind, invoice_number, period_start,
                                              period_end, currency, amount, status, recorded_on, recorded_at,
                                              account_id)
            SELECT written.id, ?, coalesce(?::uuid, s.plan_id), ?, ?, ?, ?, ?, ?, ?, ?, ?, s.account_id
            FROM written JOIN subscription s ON s.id = written.id ON CONFLICT DO NOTHING""";

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;
    private final SubscriptionCache cache;
    private final JsonMapper json = JsonMapper.builder().build();

    SubscriptionProjector(VersionedRows rows, JdbcTemplate jdbc, SubscriptionCache cache) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventHandler
    void on(PlanDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        terms(rows.upsert("subscription_plan"), event.terms())
                .key("id", event.planId().value())
                .set("is_active", true)
                .set("updated_at", utc(at))
                .onCreate("created_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(PlanRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        terms(rows.update("subscription_plan"), event.terms())
                .key("id", event.planId().value())
                .set("updated_at", utc(at))
                .apply(sequence);
        cache.planChanged(event.planId().value());
    }

    @EventHandler
    void on(PlanDeactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.update("subscription_plan").key("id", event.planId().value())
            .set("is_active", false).set("updated_at", utc(at)).apply(sequence);
    }

    @EventHandler
    void on(SubscriptionStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.upsert("subscription"), event.subscriptionId().value(), at)
                .set("account_id", event.accountId().value())
                .set("plan_id", event.planId().value())
                .set("plan_name", event.planName())
                .set("status", event.status().wire())
                .set("payment_frequency", event.frequency().wire())
                .set("unit_count", event.unitCount())
                .set("currency", event.price().currency())
                .set("current_price", event.price().amount())
                .set("start_date", event.startDate())
                .set("end_date", event.endDate())
                .set("is_auto_renew", event.autoRenew())
                .set("started_as_trial", event.status() == SubscriptionStatus.TRIAL)
                .onCreate("created_at", utc(at))
                .apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(SubscriptionInvoiced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .then(BILLING, sequence, event.planId().value(), "invoice", event.number(), event.periodStart(),
                      event.periodEnd(), event.amount().currency(), event.amount().amount(), "issued", day(at),
                      utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(SubscriptionChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write write = subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .set("plan_id", event.planId().value())
                .set("plan_name", event.planName())
                .set("unit_count", event.unitCount())
                .set("current_price", event.price().amount());
        adjustment(write, sequence, event.planId().value(), event.adjustment(), event.effectiveOn(), at)
                .apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(SubscriptionCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write write = subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .set("cancelled_at", utc(at))
                .set("cancellation_reason", event.reason())
                .set("is_auto_renew", false);
        if (event.atPeriodEnd()) {
            write.set("cancel_at_period_end", true);
        } else {
            write.set("status", SubscriptionStatus.CANCELLED.wire())
                 .set("end_date", event.effectiveOn())
                 .set("ended_on", event.effectiveOn());
        }
        adjustment(write, sequence, null, event.credit(), event.effectiveOn(), at).apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(SubscriptionRenewed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write write = subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .set("status", SubscriptionStatus.ACTIVE.wire())
                .set("current_price", event.price().amount())
                .set("start_date", event.periodStart())
                .set("end_date", event.periodEnd());
        if (event.fromTrial()) {
            write.set("converted_at", event.periodStart());
        }
        write.apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(SubscriptionEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .set("status", event.status().wire())
                .set("end_date", event.endedOn())
                .set("ended_on", event.endedOn())
                .set("is_auto_renew", false)
                .apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(SubscriptionReactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .set("status", SubscriptionStatus.ACTIVE.wire())
                .set("plan_name", event.planName())
                .set("current_price", event.price().amount())
                .set("start_date", event.periodStart())
                .set("end_date", event.periodEnd())
                .set("is_auto_renew", true)
                .set("cancel_at_period_end", false)
                .set("cancelled_at", null)
                .set("cancellation_reason", null)
                .set("ended_on", null)
                .apply(sequence);
        cache.subscriptionChanged(event.accountId());
    }

    @EventHandler
    void on(PlanRecommended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .then("""
                        INSERT INTO plan_recommendation (id, subscription_id, account_id, current_plan_id,
                               recommended_plan_id, recommended_plan_name, recommendation_reason, currency,
                               current_price, recommended_price, estimated_savings, created_on, expires_on)
                        SELECT ?, written.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM written ON CONFLICT DO NOTHING""",
                      event.recommendationId(), event.accountId().value(), event.currentPlanId().value(),
                      event.recommendedPlanId().value(), event.recommendedPlanName(), event.reason(),
                      event.currentPrice().currency(), event.currentPrice().amount(),
                      event.recommendedPrice().amount(), event.estimatedSaving().amount(), event.recommendedOn(),
                      event.expiresOn())
                .apply(sequence);
    }

    @EventHandler
    void on(RecommendationApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        subscription(rows.update("subscription"), event.subscriptionId().value(), at)
                .then("UPDATE plan_recommendation SET is_applied = TRUE, applied_on = ? WHERE id = ? "
                              + "AND subscription_id = (SELECT id FROM written)", event.appliedOn(),
                      event.recommendationId())
                .apply(sequence);
    }

    /** A feature an admin added joins this service's catalog beside the master data's. */
    @EventHandler
    void on(FeatureDefined event) {
        jdbc.update("INSERT INTO master_feature (code, id, name, description, category, source) "
                            + "VALUES (?, ?, ?, ?, ?, 'admin') ON CONFLICT DO NOTHING", event.code(),
                    event.featureId().value(), event.name(), event.description(), event.category());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM master_feature WHERE source = 'admin'");
        jdbc.update("DELETE FROM plan_recommendation");
        jdbc.update("DELETE FROM subscription_billing");
        jdbc.update("DELETE FROM subscription");
        jdbc.update("DELETE FROM subscription_plan");
        cache.dropAll();
    }

    private VersionedRows.Write terms(VersionedRows.Write write, PlanTerms terms) {
        return write.set("plan_name", terms.name())
                    .set("plan_description", terms.description())
                    .set("currency", terms.pricePerUnit().currency())
                    .set("price_per_unit", terms.pricePerUnit().amount())
                    .set("minimum_price", terms.minimumPrice().amount())
                    .set("maximum_units", terms.maximumUnits())
                    .set("is_custom", terms.custom())
                    .set("annual_discount_percent", terms.annualDiscountPercent())
                    .json("features", json.writeValueAsString(terms.features()));
    }

    /** A charge (positive) or credit (negative) for the rest of a period; none when it is zero. */
    private static VersionedRows.Write adjustment(VersionedRows.Write write, long sequence, UUID plan, Money amount,
                                                  LocalDate effectiveOn, Instant at) {
        if (amount == null || amount.amount().signum() == 0) {
            return write;
        }
        return write.then(BILLING, sequence, plan, amount.amount().signum() > 0 ? "charge" : "credit", null,
                          effectiveOn, null, amount.currency(), amount.amount(), "recorded", day(at), utc(at));
    }

    private static VersionedRows.Write subscription(VersionedRows.Write write, UUID id, Instant at) {
        return write.key("id", id).set("updated_at", utc(at));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
