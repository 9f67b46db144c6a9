package io.alter8.api.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;

import java.util.Objects;

/**
 * Where a property is (marketplace model address columns, landmark, {@code area_name}, coordinates and
 * {@code location_accuracy}; management model {@code street_address}, {@code zip_code}). {@code areaName} is a locality
 * of the city from the master data; {@code accuracyMeters} says how far the coordinates may be off.
 */
public record PropertyLocation(Address address,
                               String landmark,
                               String areaName,
                               GeoPoint coordinates,
                               Integer accuracyMeters) {

    public PropertyLocation {
        Objects.requireNonNull(address, "address");
    }
}
