package io.alter8.api.lookup;

/** An amenity of the master data ({@code master_amenities}); {@code code} is what properties refer to. */
public record AmenityView(String code, String name, String category, String iconName, boolean premium) {
}
