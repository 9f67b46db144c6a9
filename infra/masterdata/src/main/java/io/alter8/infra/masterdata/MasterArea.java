package io.alter8.infra.masterdata;

import java.util.UUID;

/** A locality of a city ({@code master_area}): Koramangala in Bangalore, Back Bay in Boston. */
public record MasterArea(UUID id, UUID cityId, String name, String postalCode, String areaType, boolean popular) {
}
