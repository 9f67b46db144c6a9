package io.alter8.query.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PageView;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.subscription.BillingEntryView;
import io.alter8.api.subscription.FeatureUsageView;
import io.alter8.api.subscription.Features;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.PlanView;
import io.alter8.api.subscription.RecommendationView;
import io.alter8.api.subscription.SubscriptionReports;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.api.subscription.SubscriptionView;
import io.alter8.query.jdbc.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Answers subscription queries from the subscriptions and feature-usage read models. Who may ask is the caller's. */
@Component
class SubscriptionQueries {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final TypeReference<List<PlanFeature>> FEATURES = new TypeReference<>() {
    };

    private static final RowMapper<SubscriptionView> SUBSCRIPTION = SubscriptionQueries::subscription;

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The platform's clock: the month whose monthly usage counts is the one the command side counts in. */
    private final Clock clock;

    SubscriptionQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String month(Instant at) {
        return MONTH.format(at);
    }

    List<PlanView> plans(boolean withInactive) {
        return jdbc.query("SELECT * FROM subscription_plan WHERE is_active OR ? ORDER BY price_per_unit, plan_name",
                          this::planRow, withInactive);
    }

    Optional<PlanView> plan(UUID id) {
        return jdbc.query("SELECT * FROM subscription_plan WHERE id = ?", this::planRow, id).stream().findFirst();
    }

    Optional<SubscriptionView> subscription(UUID id) {
        return jdbc.query("SELECT * FROM subscription WHERE id = ?", SUBSCRIPTION, id)
                   .stream().findFirst();
    }

    Optional<SubscriptionView> subscriptionOf(UUID account) {
        return jdbc.query("SELECT * FROM subscription WHERE account_id = ?", SUBSCRIPTION,
                          account).stream().findFirst();
    }

    /** The subscription's billing history, oldest first. */
    PageView<BillingEntryView> billing(UUID subscription, int page, int size) {
        List<BillingEntryView> items = jdbc.query(
                "SELECT * FROM subscription_billing WHERE subscription_id = ? ORDER BY sequence LIMIT ? OFFSET ?",
                (rs, n) -> new BillingEntryView(rs.getString("kind"), Sql.integer(rs, "invoice_number"),
                                                rs.getObject("period_start", LocalDate.class),
                                                rs.getObject("period_end", LocalDate.class),
                                                new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                                                rs.getString("status"), rs.getObject("recorded_on", LocalDate.class)),
                subscription, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM subscription_billing WHERE subscription_id = ?",
                                         Long.class, subscription);
        return new PageView<>(items, page, size, total == null ? 0 : total);
    }

    /** The subscription's recommendations, newest first. */
    List<RecommendationView> recommendations(UUID subscription) {
        return jdbc.query("SELECT * FROM plan_recommendation WHERE subscription_id = ? ORDER BY created_on DESC, id",
                          (rs, n) -> {
                              String currency = rs.getString("currency");
                              return new RecommendationView(
                                      Sql.uuid(rs, "id"), new PlanId(Sql.uuid(rs, "current_plan_id")),
                                      new PlanId(Sql.uuid(rs, "recommended_plan_id")),
                                      rs.getString("recommended_plan_name"), rs.getString("recommendation_reason"),
                                      new Money(rs.getBigDecimal("current_price"), currency),
                                      new Money(rs.getBigDecimal("recommended_price"), currency),
                                      new Money(rs.getBigDecimal("estimated_savings"), currency),
                                      rs.getObject("created_on", LocalDate.class),
                                      rs.getObject("expires_on", LocalDate.class), rs.getBoolean("is_applied"),
                                      rs.getObject("applied_on", LocalDate.class));
                          }, subscription);
    }

    /** The {@code subscription:status} hash of the account's subscription, with the row's version. */
    Optional<Map<String, String>> statusFields(UUID account) {
        return jdbc.query("SELECT * FROM subscription WHERE account_id = ?", (rs, n) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("planId", rs.getString("plan_id"));
            fields.put("planName", rs.getString("plan_name"));
            fields.put("status", rs.getString("status"));
            fields.put("unitCount", Integer.toString(rs.getInt("unit_count")));
            fields.put("startDate", rs.getObject("start_date", LocalDate.class).toString());
            fields.put("endDate", rs.getObject("end_date", LocalDate.class).toString());
            fields.put("isAutoRenew", Boolean.toString(rs.getBoolean("is_auto_renew")));
            fields.put("version", Long.toString(rs.getLong("version")));
            return fields;
        }, account).stream().findFirst();
    }

    /** The features of the catalog, by code. */
    List<String> featureCodes() {
        return jdbc.queryForList("SELECT code FROM master_feature ORDER BY code", String.class);
    }

    List<Map<String, Object>> featureCatalog() {
        return jdbc.queryForList("SELECT code, id, name, description, category FROM master_feature ORDER BY code");
    }

    /**
     * What the account may do of {@code feature} now: the plan of its subscription in force, else the free tier;
     * and what it uses (this month, for a monthly feature).
     */
    FeatureUsageView access(UUID account, String feature) {
        List<List<PlanFeature>> planned = jdbc.query(
                "SELECT p.features FROM subscription s JOIN subscription_plan p ON p.id = s.plan_id "
                        + "WHERE s.account_id = ? AND s.status IN ('trial', 'active')",
                (rs, n) -> json.readValue(rs.getString("features"), FEATURES), account);
        List<PlanFeature> features = planned.isEmpty() ? Features.FREE_TIER : planned.get(0);
        PlanFeature allowance = Features.find(features, feature).orElse(new PlanFeature(feature, false, null));
        Instant now = clock.instant();
        String period = Features.monthly(feature) ? month(now) : null;
        Long used = jdbc.queryForObject("SELECT count(*) FROM feature_usage WHERE account_id = ? AND feature = ? "
                                                + "AND period = ?", Long.class, account, feature,
                                        period == null ? "" : period);
        return new FeatureUsageView(feature, allowance.enabled(), allowance.usageLimit(), used == null ? 0 : used,
                                    period, now);
    }

    List<UUID> accountsOnPlan(UUID plan) {
        return jdbc.queryForList("SELECT account_id FROM subscription WHERE plan_id = ?", UUID.class, plan);
    }

    /** Billed per plan and month in [from, to]: invoices and charges less credits, per currency. */
    List<SubscriptionReports.Revenue> revenue(YearMonth from, YearMonth to) {
        return jdbc.query("""
                SELECT to_char(b.recorded_on, 'YYYY-MM') AS month, b.plan_id, p.plan_name, b.currency,
                       sum(b.amount) AS amount
                FROM subscription_billing b LEFT JOIN subscription_plan p ON p.id = b.plan_id
                WHERE b.recorded_on >= ? AND b.recorded_on < ?
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 2""",
                          (rs, n) -> new SubscriptionReports.Revenue(
                                  rs.getString("month"), new PlanId(Sql.uuid(rs, "plan_id")), rs.getString("plan_name"),
                                  new Money(rs.getBigDecimal("amount"), rs.getString("currency"))),
                          from.atDay(1), to.plusMonths(1).atDay(1));
    }

    /** Per month in [from, to]: subscriptions in force at its start, and how many of them ended in it. */
    List<SubscriptionReports.Churn> churn(YearMonth from, YearMonth to) {
        return jdbc.query("""
                SELECT to_char(m, 'YYYY-MM') AS month,
                       (SELECT count(*) FROM subscription s WHERE s.created_at::date < m
                               AND (s.ended_on IS NULL OR s.ended_on >= m)) AS in_force,
                       (SELECT count(*) FROM subscription s WHERE s.created_at::date < m
                               AND s.ended_on >= m AND s.ended_on < m + interval '1 month') AS ended
                FROM generate_series(?::date, ?::date, interval '1 month') AS m ORDER BY m""",
                          (rs, n) -> new SubscriptionReports.Churn(rs.getString("month"), rs.getLong("in_force"),
                                                                   rs.getLong("ended"),
                                                                   rate(rs.getLong("ended"), rs.getLong("in_force"))),
                          from.atDay(1), to.atDay(1));
    }

    /** Trials by the month they started: converted, ended without converting, still running. */
    List<SubscriptionReports.TrialConversion> trialConversion(YearMonth from, YearMonth to) {
        return jdbc.query("""
                SELECT to_char(created_at, 'YYYY-MM') AS month, count(*) AS trials,
                       count(*) FILTER (WHERE converted_at IS NOT NULL) AS converted,
                       count(*) FILTER (WHERE converted_at IS NULL AND status IN ('cancelled', 'expired')) AS ended,
                       count(*) FILTER (WHERE status = 'trial') AS running
                FROM subscription WHERE started_as_trial AND created_at >= ? AND created_at < ?
                GROUP BY 1 ORDER BY 1""",
                          (rs, n) -> new SubscriptionReports.TrialConversion(
                                  rs.getString("month"), rs.getLong("trials"), rs.getLong("converted"),
                                  rs.getLong("ended"), rs.getLong("running"),
                                  rate(rs.getLong("converted"), rs.getLong("converted") + rs.getLong("ended"))),
                          Sql.utc(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                          Sql.utc(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private PlanView planRow(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new PlanView(new PlanId(Sql.uuid(rs, "id")),
                            new PlanTerms(rs.getString("plan_name"), rs.getString("plan_description"),
                                          new Money(rs.getBigDecimal("price_per_unit"), currency),
                                          new Money(rs.getBigDecimal("minimum_price"), currency),
                                          Sql.integer(rs, "maximum_units"), rs.getBoolean("is_custom"),
                                          rs.getBigDecimal("annual_discount_percent"),
                                          json.readValue(rs.getString("features"), FEATURES)),
                            rs.getBoolean("is_active"), rs.getLong("version"));
    }

    private static SubscriptionView subscription(ResultSet rs, int n) throws SQLException {
        return new SubscriptionView(new SubscriptionId(Sql.uuid(rs, "id")), Sql.user(rs, "account_id"),
                                    new PlanId(Sql.uuid(rs, "plan_id")), rs.getString("plan_name"),
                                    SubscriptionStatus.fromWire(rs.getString("status")),
                                    PaymentFrequency.fromWire(rs.getString("payment_frequency")),
                                    rs.getInt("unit_count"),
                                    new Money(rs.getBigDecimal("current_price"), rs.getString("currency")),
                                    rs.getObject("start_date", LocalDate.class),
                                    rs.getObject("end_date", LocalDate.class), rs.getBoolean("is_auto_renew"),
                                    rs.getBoolean("cancel_at_period_end"), Sql.instant(rs, "cancelled_at"),
                                    rs.getString("cancellation_reason"), rs.getLong("version"));
    }
}
