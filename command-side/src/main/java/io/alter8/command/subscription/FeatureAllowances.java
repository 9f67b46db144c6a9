package io.alter8.command.subscription;

import io.alter8.api.common.UserId;

/** Whether an account's plan (or the free tier) enables a feature, for features enforced outside this package. */
public interface FeatureAllowances {

    boolean enables(UserId account, String feature);
}
