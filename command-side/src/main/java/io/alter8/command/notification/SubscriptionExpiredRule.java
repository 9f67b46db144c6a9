package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A subscription expired (it was not to renew: a trial, or auto-renewal off): its account is on the free tier now and
 * is told so. One cancelled by its account ends without a word; they asked for it.
 */
@Component
class SubscriptionExpiredRule implements NotificationRule<SubscriptionEnded> {

    private final SubscriptionSubjects subscriptions;

    SubscriptionExpiredRule(SubscriptionSubjects subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Class<SubscriptionEnded> eventType() {
        return SubscriptionEnded.class;
    }

    @Override
    public List<Notice> notices(SubscriptionEnded e) {
        if (e.status() != SubscriptionStatus.EXPIRED) {
            return List.of();
        }
        String plan = subscriptions.subscription(e.subscriptionId()).map(s -> s.planName()).orElse("Alter8");
        return List.of(new Notice(
                e.accountId(), "subscription_expired", Priority.HIGH, "subscription", e.subscriptionId().toString(),
                List.of(new NotificationAction("Choose a plan", "/subscriptions/plans", "button")),
                Map.of("planName", plan, "endedOn", e.endedOn().toString()), null));
    }
}
