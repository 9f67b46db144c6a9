package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RevisePropertyDetails;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.user.Actor;
import io.alter8.command.property.PropertyInputs.LocationInput;
import io.alter8.command.property.PropertyInputs.MarketDataInput;
import io.alter8.command.property.PropertyInputs.PreferencesInput;
import io.alter8.command.property.PropertyInputs.SeoInput;
import io.alter8.command.property.PropertyInputs.SpecsInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/properties/{id}}: what the property is, where, whom it suits, its SEO and market data, replaced
 * as a whole (the same fields as at registration). Without a slug the property keeps its own.
 */
record DetailsRequest(@NotBlank @Size(max = 255) String title,
                      @Size(max = 10_000) String description,
                      @NotNull @OneOf(PropertyType.class) String propertyType,
                      @NotNull @Valid SpecsInput specs,
                      @NotNull @Valid LocationInput location,
                      @Valid PreferencesInput preferences,
                      @Valid SeoInput seo,
                      @Valid MarketDataInput marketData) {

    RevisePropertyDetails toCommand(PropertyId id, Actor by, Places places, Long expectedVersion) {
        return new RevisePropertyDetails(id, title.strip(), PropertyInputs.strip(description), type(),
                                         specs.toSpecs(), places.canonical(location.toLocation()),
                                         preferencesOrNone(), seoOrNone(), marketDataOrNone(), by, expectedVersion);
    }

    PropertyType type() {
        return PropertyType.fromWire(propertyType);
    }

    TenantPreferences preferencesOrNone() {
        return preferences == null ? TenantPreferences.none() : preferences.toPreferences();
    }

    ListingSeo seoOrNone() {
        return seo == null ? new ListingSeo(null, null, null) : seo.toSeo();
    }

    MarketData marketDataOrNone() {
        return marketData == null ? MarketData.none() : marketData.toMarketData();
    }
}
