package io.alter8.command.notification;

import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the subscription rules know of each subscription: its account, plan, current period and whether it renews at
 * that period's end (auto-renewing, in force, not cancelled for the period's end). Absolute writes only.
 */
@Component
class SubscriptionSubjects implements RuleMemory {

    record SubscriptionSubject(UUID subscriptionId, UserId account, String planName, Money price, LocalDate periodEnd) {
    }

    private static final RowMapper<SubscriptionSubject> SUBJECT = (rs, i) -> new SubscriptionSubject(
            rs.getObject("subscription_id", UUID.class), new UserId(rs.getObject("account_id", UUID.class)),
            rs.getString("plan_name"), new Money(rs.getBigDecimal("price"), rs.getString("currency").strip()),
            rs.getObject("period_end", LocalDate.class));

    private final JdbcTemplate jdbc;

    SubscriptionSubjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Object event, String eventId) {
        if (event instanceof SubscriptionStarted e) {
            jdbc.update("""
                    INSERT INTO notification_subscription (subscription_id, account_id, plan_name, price, currency,
                                                           period_end, status, renews)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING""",
                        e.subscriptionId().value(), e.accountId().value(), e.planName(), e.price().amount(),
                        e.price().currency(), Date.valueOf(e.endDate()), e.status().wire(),
                        e.autoRenew() && e.status().inForce());
        } else if (event instanceof SubscriptionRenewed e) {
            jdbc.update("""
                    UPDATE notification_subscription SET period_end = ?, price = ?, currency = ?, status = 'active'
                    WHERE subscription_id = ?""", Date.valueOf(e.periodEnd()), e.price().amount(),
                        e.price().currency(), e.subscriptionId().value());
        } else if (event instanceof SubscriptionChanged e) {
            jdbc.update("UPDATE notification_subscription SET plan_name = ?, price = ?, currency = ? "
                        + "WHERE subscription_id = ?", e.planName(), e.price().amount(), e.price().currency(),
                        e.subscriptionId().value());
        } else if (event instanceof SubscriptionCancelled e) {
            // Cancelled for the period's end: still in force until then, but it will not renew.
            jdbc.update("UPDATE notification_subscription SET renews = FALSE, status = coalesce(?, status) "
                        + "WHERE subscription_id = ?", e.atPeriodEnd() ? null : SubscriptionStatus.CANCELLED.wire(),
                        e.subscriptionId().value());
        } else if (event instanceof SubscriptionEnded e) {
            jdbc.update("UPDATE notification_subscription SET renews = FALSE, status = ? WHERE subscription_id = ?",
                        e.status().wire(), e.subscriptionId().value());
        } else if (event instanceof SubscriptionReactivated e) {
            jdbc.update("""
                    UPDATE notification_subscription SET plan_name = ?, price = ?, currency = ?, period_end = ?,
                        status = 'active', renews = TRUE
                    WHERE subscription_id = ?""", e.planName(), e.price().amount(), e.price().currency(),
                        Date.valueOf(e.periodEnd()), e.subscriptionId().value());
        }
    }

    Optional<SubscriptionSubject> subscription(Object subscriptionId) {
        return jdbc.query("SELECT * FROM notification_subscription WHERE subscription_id = ?", SUBJECT,
                          UUID.fromString(subscriptionId.toString())).stream().findFirst();
    }

    /** Subscriptions that renew at a period's end falling from {@code from} to {@code to}, both included. */
    List<SubscriptionSubject> renewing(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM notification_subscription WHERE renews AND period_end BETWEEN ? AND ?",
                          SUBJECT, Date.valueOf(from), Date.valueOf(to));
    }
}
