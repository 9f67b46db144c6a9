package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.FeatureDefined;
import io.alter8.api.subscription.Features;
import io.alter8.api.subscription.PlanDeactivated;
import io.alter8.api.subscription.PlanDefined;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanRevised;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which plan each account is on and what each plan allows ({@code account_subscription}, {@code plan_entitlement}),
 * written in the transaction of the plan and subscription events, so a limit check in the next command already sees
 * an upgrade. An account with no subscription in force gets {@link Features#FREE_TIER}.
 */
@Component
@ProcessingGroup(PlanEntitlements.PROCESSING_GROUP)
class PlanEntitlements implements Subscribers, FeatureAllowances {

    static final String PROCESSING_GROUP = "plan-usage";
    private static final String ALLOWANCES = PlanEntitlements.class.getName() + ".allowances:";

    private final JdbcTemplate jdbc;

    PlanEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SubscriptionId> subscriptionOf(UserId account) {
        return jdbc.queryForList("SELECT subscription_id FROM account_subscription WHERE account_id = ?", UUID.class,
                                 account.value()).stream().findFirst().map(SubscriptionId::new);
    }

    @Override
    public boolean enables(UserId account, String feature) {
        return allowance(account, feature).enabled();
    }

    /**
     * What {@code account} may do of {@code feature} now: its plan's entry, or the free tier's. A command reads an
     * account's allowances once, all features in one query, however many of its events claim (a registration claims
     * the property and each unit).
     */
    PlanFeature allowance(UserId account, String feature) {
        Optional<Map<String, PlanFeature>> planned = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(ALLOWANCES + account.value(),
                                                                         key -> allowances(account))
                : allowances(account);
        if (planned.isEmpty()) {
            return Features.find(Features.FREE_TIER, feature).orElse(new PlanFeature(feature, false, null));
        }
        return planned.get().getOrDefault(feature, new PlanFeature(feature, false, null));
    }

    /** The account's plan's entries by feature; empty without a subscription in force (the free tier applies). */
    private Optional<Map<String, PlanFeature>> allowances(UserId account) {
        Map<String, PlanFeature> planned = new HashMap<>();
        boolean[] subscribed = {false};
        jdbc.query("SELECT e.feature, e.enabled, e.usage_limit FROM account_subscription s "
                           + "LEFT JOIN plan_entitlement e ON e.plan_id = s.plan_id "
                           + "WHERE s.account_id = ? AND s.status IN ('trial', 'active')",
                   rs -> {
                       subscribed[0] = true;
                       String feature = rs.getString("feature");
                       if (feature != null) {
                           planned.put(feature, new PlanFeature(feature, rs.getBoolean("enabled"),
                                                                (Integer) rs.getObject("usage_limit")));
                       }
                   }, account.value());
        return subscribed[0] ? Optional.of(planned) : Optional.empty();
    }

    /** A plan or subscription changes in this command: claims after it read the allowances again. */
    private static void forgetAllowances() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().keySet().removeIf(key -> key.startsWith(ALLOWANCES));
        }
    }

    /** Subscriptions in force whose period ended by {@code today}: the renewal job's work. */
    List<SubscriptionId> due(LocalDate today, int max) {
        return jdbc.queryForList("SELECT subscription_id FROM account_subscription "
                                         + "WHERE status IN ('trial', 'active') AND period_end <= ? "
                                         + "ORDER BY period_end LIMIT ?", UUID.class, today, max)
                   .stream().map(SubscriptionId::new).toList();
    }

    @EventHandler
    void on(PlanDefined event) {
        forgetAllowances();
        jdbc.update("INSERT INTO plan_offer (plan_id, active) VALUES (?, TRUE) ON CONFLICT DO NOTHING",
                    event.planId().value());
        entitle(event.planId(), event.terms());
    }

    /** The catalog's row of an admin's feature; a code taken meanwhile (a racing definition) fails the command. */
    @EventHandler
    void on(FeatureDefined event) {
        jdbc.update("INSERT INTO master_feature (code, id, name, description, category, source) "
                            + "VALUES (?, ?, ?, ?, ?, 'admin') ON CONFLICT DO NOTHING", event.code(),
                    event.featureId().value(), event.name(), event.description(), event.category());
        List<UUID> holder = jdbc.queryForList("SELECT id FROM master_feature WHERE code = ?", UUID.class,
                                              event.code());
        if (!holder.equals(List.of(event.featureId().value()))) {
            throw new DomainRuleViolation("feature-exists", "the feature " + event.code() + " is in the catalog");
        }
    }

    @EventHandler
    void on(PlanDeactivated event) {
        forgetAllowances();
        jdbc.update("UPDATE plan_offer SET active = FALSE WHERE plan_id = ?", event.planId().value());
    }

    @EventHandler
    void on(PlanRevised event) {
        forgetAllowances();
        entitle(event.planId(), event.terms());
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        forgetAllowances();
        jdbc.update("INSERT INTO account_subscription (account_id, subscription_id, plan_id, status, period_end) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.accountId().value(),
                    event.subscriptionId().value(), event.planId().value(), event.status().wire(), event.endDate());
        // After a conflict this reads the committed holder: a racing start made this one wait for its commit.
        if (!subscriptionOf(event.accountId()).map(event.subscriptionId()::equals).orElse(false)) {
            throw new DomainRuleViolation("account-subscribed", "the account already has a subscription");
        }
    }

    @EventHandler
    void on(SubscriptionChanged event) {
        forgetAllowances();
        jdbc.update("UPDATE account_subscription SET plan_id = ? WHERE subscription_id = ?", event.planId().value(),
                    event.subscriptionId().value());
    }

    @EventHandler
    void on(SubscriptionCancelled event) {
        forgetAllowances();
        if (!event.atPeriodEnd()) {
            status(event.subscriptionId(), SubscriptionStatus.CANCELLED, event.effectiveOn());
        }
    }

    @EventHandler
    void on(SubscriptionRenewed event) {
        forgetAllowances();
        status(event.subscriptionId(), SubscriptionStatus.ACTIVE, event.periodEnd());
    }

    @EventHandler
    void on(SubscriptionEnded event) {
        forgetAllowances();
        status(event.subscriptionId(), event.status(), event.endedOn());
    }

    @EventHandler
    void on(SubscriptionReactivated event) {
        forgetAllowances();
        status(event.subscriptionId(), SubscriptionStatus.ACTIVE, event.periodEnd());
    }

    private void status(SubscriptionId subscription, SubscriptionStatus status, LocalDate periodEnd) {
        jdbc.update("UPDATE account_subscription SET status = ?, period_end = ? WHERE subscription_id = ?",
                    status.wire(), periodEnd, subscription.value());
    }

    private void entitle(PlanId plan, PlanTerms terms) {
        jdbc.update("DELETE FROM plan_entitlement WHERE plan_id = ?", plan.value());
        for (PlanFeature feature : terms.features()) {
            jdbc.update("INSERT INTO plan_entitlement (plan_id, feature, enabled, usage_limit) VALUES (?, ?, ?, ?)",
                        plan.value(), feature.feature(), feature.enabled(), feature.usageLimit());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule planUsageInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
