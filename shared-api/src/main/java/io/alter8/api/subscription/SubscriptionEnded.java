package io.alter8.api.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The period ended without renewal: {@code status} is {@code cancelled} when it was cancelled for the period's end,
 * {@code expired} when it was not to renew (a trial without auto-renewal, or auto-renewal off).
 */
@Revision("1")
public record SubscriptionEnded(SubscriptionId subscriptionId,
                                UserId accountId,
                                PlanId planId,
                                SubscriptionStatus status,
                                LocalDate endedOn,
                                boolean wasTrial) {
}
