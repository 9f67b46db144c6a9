package io.alter8.api.lookup;

import java.util.UUID;

/** A locality of a city ({@code master_areas}). */
public record AreaView(UUID id, UUID cityId, String name, String postalCode, String areaType, boolean popular) {
}
