package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UnitId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit of a property: its description, whether a lease holds it, and which lease (shown only to the property's
 * people and to admins, auditors and analysts).
 */
public record UnitView(UnitId id,
                       String unitNumber,
                       int bedrooms,
                       BigDecimal bathrooms,
                       BigDecimal areaSqft,
                       Money monthlyRent,
                       Map<String, String> features,
                       List<String> amenities,
                       boolean occupied,
                       LeaseId leaseId) {

    public UnitView {
        features = Collections.copy(features);
        amenities = Collections.copy(amenities);
    }

    public UnitView withoutLease() {
        return new UnitView(id, unitNumber, bedrooms, bathrooms, areaSqft, monthlyRent, features, amenities,
                            occupied, null);
    }
}
