package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.command.PlanLimitReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Plan limit reached": a command of an account refused 403 plan-limit tells the account which limit stopped it,
 * once per feature and day however often it is hit. No event records a refusal (the refused command stores nothing),
 * so the refusal itself is the record: {@link PlanLimitReached.Hit}, published when the 403 is answered; the notice
 * is issued then, in a transaction of its own.
 */
@Component
class PlanLimitReachedRule {

    private static final Logger log = LoggerFactory.getLogger(PlanLimitReachedRule.class);

    private final KeyedNotices notices;
    private final Clock clock;

    PlanLimitReachedRule(KeyedNotices notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void on(PlanLimitReached.Hit hit) {
        try {
            notices.issue(List.of(hit),
                          h -> "plan-limit:" + h.account() + ":" + h.feature() + ":" + LocalDate.now(clock),
                          h -> List.of(new Notice(
                                  h.account(), "plan_limit_reached", Priority.HIGH, "feature", h.feature(),
                                  List.of(new NotificationAction("Compare plans", "/subscriptions/plans", "button")),
                                  Map.of("feature", h.feature(), "limit", Integer.toString(h.limit())), null)));
        } catch (RuntimeException e) {
            // The refusal is answered whatever becomes of its notice.
            log.warn("Plan limit notice for {} not issued: {}", hit.feature(), e.getClass().getSimpleName());
        }
    }
}
