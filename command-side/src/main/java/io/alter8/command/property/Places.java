package io.alter8.command.property;

import io.alter8.api.common.Address;
import io.alter8.api.property.PropertyLocation;
import io.alter8.infra.masterdata.MasterArea;
import io.alter8.infra.masterdata.MasterCity;
import io.alter8.infra.masterdata.MasterData;
import org.springframework.stereotype.Component;

/**
 * Spells a validated location as the master data does ({@code bangalore} → {@code Bangalore}, {@code KA} →
 * {@code Karnataka}, {@code koramangala} → {@code Koramangala}), so events and read models hold one spelling per
 * place and searches by city or area find every listing.
 */
@Component
class Places {

    private final MasterData masterData;

    Places(MasterData masterData) {
        this.masterData = masterData;
    }

    PropertyLocation canonical(PropertyLocation location) {
        Address address = location.address();
        MasterCity city = masterData.city(address.country(), address.city()).orElse(null);
        if (city == null) {
            return location;
        }
        String area = location.areaName() == null ? null
                : masterData.area(city.id(), location.areaName()).map(MasterArea::name).orElse(location.areaName());
        return new PropertyLocation(new Address(address.line1(), address.line2(), city.name(), city.stateName(),
                                                address.postalCode(), address.country()),
                                    location.landmark(), area, location.coordinates(), location.accuracyMeters());
    }
}
