package io.alter8.api.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The subscription was cancelled. {@code atPeriodEnd}: it stays in force until {@code effectiveOn}, its period's
 * end, and does not renew; otherwise it ended on {@code effectiveOn} and {@code credit} (negative, or zero in a
 * trial) is the unused rest of the period.
 */
@Revision("1")
public record SubscriptionCancelled(SubscriptionId subscriptionId,
                                    UserId accountId,
                                    String reason,
                                    boolean atPeriodEnd,
                                    LocalDate effectiveOn,
                                    Money credit,
                                    UserId cancelledBy) {
}
