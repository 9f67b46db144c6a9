package io.alter8.api.user;

/**
 * Where a tenant would like to live (marketplace model, {@code tenant_profiles.preferred_locations}); {@code area} is
 * optional.
 */
public record PreferredLocation(String area, String city, String state) {
}
