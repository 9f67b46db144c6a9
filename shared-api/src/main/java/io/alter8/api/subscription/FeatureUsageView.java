package io.alter8.api.subscription;

import java.time.Instant;

/**
 * What an account may do of one feature and how much it uses (the {@code feature:access} cache's fields):
 * {@code usageLimit} null means no limit; {@code period} is the month counted for monthly features, else absent.
 */
public record FeatureUsageView(String featureId,
                               boolean isEnabled,
                               Integer usageLimit,
                               long currentUsage,
                               String period,
                               Instant lastChecked) {
}
