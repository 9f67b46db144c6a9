package io.alter8.command.subscription;

/** The features plans may name (management model {@code feature_access}): master data, extended by admins. */
interface FeatureCatalog {

    boolean exists(String code);
}
