package io.alter8.api.user;

import java.util.List;

/** Where an agent works (marketplace model, {@code agent_profiles.service_areas}: {city, state, pincode_ranges}). */
public record ServiceArea(String city, String state, List<PostalCodeRange> postalCodeRanges) {

    public ServiceArea {
        postalCodeRanges = Lists.copy(postalCodeRanges);
    }
}
