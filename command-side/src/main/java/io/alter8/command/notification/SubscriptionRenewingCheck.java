package io.alter8.command.notification;

import io.alter8.api.notification.NotificationAction;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The scheduled check behind "subscription renewing": a subscription that renews at the end of a period ending within
 * {@value #DAYS_AHEAD} days tells its account the date and the price, once per period, so there is time to change
 * plan or cancel.
 */
@Component
class SubscriptionRenewingCheck implements NotificationCheck {

    static final int DAYS_AHEAD = 3;

    private final SubscriptionSubjects subscriptions;
    private final KeyedNotices notices;

    SubscriptionRenewingCheck(SubscriptionSubjects subscriptions, KeyedNotices notices) {
        this.subscriptions = subscriptions;
        this.notices = notices;
    }

    @Override
    public int run(LocalDate today) {
        return notices.issue(
                subscriptions.renewing(today, today.plusDays(DAYS_AHEAD)),
                subscription -> "renewing:" + subscription.subscriptionId() + ":" + subscription.periodEnd(),
                subscription -> List.of(new Notice(
                        subscription.account(), "subscription_renewing", Priority.MEDIUM, "subscription",
                        subscription.subscriptionId().toString(),
                        List.of(new NotificationAction("Manage the subscription",
                                                       "/subscriptions/" + subscription.subscriptionId(), "link")),
                        Map.of("planName", subscription.planName(), "renewsOn", subscription.periodEnd().toString(),
                               "price", subscription.price().toString()), null)));
    }
}
