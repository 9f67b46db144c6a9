package io.alter8.command.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.subscription.RenewSubscription;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renews, converts, cancels or expires every subscription whose period has ended, on the service's clock. Its work
 * list is {@code account_subscription}, which changes with the events, so a run after a restart finds what a
 * stopped one left; the subscription ignores a renewal of a period it already renewed, so a run twice (or on two
 * nodes) renews once.
 */
@Component
class SubscriptionRenewals {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewals.class);
    private static final int BATCH = 100;
    /** Enough for a stack stopped a year with monthly periods; the next run carries on with the rest. */
    private static final int MAX_PASSES = 13;

    private final PlanEntitlements subscriptions;
    private final CommandGateway commands;
    private final Clock clock;

    SubscriptionRenewals(PlanEntitlements subscriptions, CommandGateway commands, Clock clock) {
        this.subscriptions = subscriptions;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${alter8.subscriptions.renewal-interval:PT1M}",
               fixedDelayString = "${alter8.subscriptions.renewal-interval:PT1M}")
    void run() {
        renewDue();
    }

    /** Sends a renewal for each subscription due today; answers how many moved on. */
    int renewDue() {
        LocalDate today = LocalDate.now(clock);
        Set<SubscriptionId> failed = new HashSet<>();
        int renewed = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<SubscriptionId> due = subscriptions.due(today, BATCH + failed.size()).stream()
                                                    .filter(id -> !failed.contains(id)).toList();
            if (due.isEmpty()) {
                break;
            }
            for (SubscriptionId id : due) {
                try {
                    commands.sendAndWait(new RenewSubscription(id, today));
                    renewed++;
                } catch (RuntimeException e) {
                    // Left for the next run; another node renewing it at the same time is one such case.
                    failed.add(id);
                    log.warn("Renewal of subscription {} failed: {}", id, e.getClass().getSimpleName());
                }
            }
        }
        return renewed;
    }
}
