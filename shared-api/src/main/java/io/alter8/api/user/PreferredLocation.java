package io.alter8.api.user;

/** Where a tenant would like to live (seed 000, {@code tenant_profiles.preferred_locations}); {@code area} is optional. */
public record PreferredLocation(String area, String city, String state) {
}
