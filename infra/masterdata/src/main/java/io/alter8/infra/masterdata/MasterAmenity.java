package io.alter8.infra.masterdata;

/** An amenity properties and units may offer ({@code master_amenity}); {@code code} is what they refer to. */
public record MasterAmenity(String code, String name, String category, String iconName, boolean premium) {
}
