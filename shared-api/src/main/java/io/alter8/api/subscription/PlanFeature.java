package io.alter8.api.subscription;

/**
 * One feature of a plan (management model {@code plan_features}): {@code feature} is a code of the feature catalog,
 * {@code usageLimit} null means no limit. A feature a plan does not name is not enabled on it.
 */
public record PlanFeature(String feature, boolean enabled, Integer usageLimit) {

    /** Whether one more use is allowed when {@code used} are counted already. */
    public boolean admits(long used) {
        return enabled && (usageLimit == null || used < usageLimit);
    }
}
