package io.alter8.api.property;

/**
 * Whom the owner wants to rent to (marketplace model {@code allow_pets}, {@code preferred_tenant_type},
 * {@code dietary_preference}).
 */
public record TenantPreferences(boolean petsAllowed,
                                PreferredTenantType preferredTenantType,
                                DietaryPreference dietaryPreference) {

    public static TenantPreferences none() {
        return new TenantPreferences(false, PreferredTenantType.ANY, DietaryPreference.ANY);
    }
}
