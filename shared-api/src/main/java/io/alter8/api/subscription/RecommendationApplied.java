package io.alter8.api.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** A recommendation was applied; the plan change is the {@link SubscriptionChanged} stored with it. */
@Revision("1")
public record RecommendationApplied(SubscriptionId subscriptionId,
                                    UserId accountId,
                                    UUID recommendationId,
                                    LocalDate appliedOn,
                                    UserId appliedBy) {
}
