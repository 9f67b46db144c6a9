package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RegisterProperty;
import io.alter8.api.user.Actor;
import io.alter8.command.property.PropertyInputs.AmenityInput;
import io.alter8.command.property.PropertyInputs.LocationInput;
import io.alter8.command.property.PropertyInputs.MarketDataInput;
import io.alter8.command.property.PropertyInputs.PreferencesInput;
import io.alter8.command.property.PropertyInputs.SeoInput;
import io.alter8.command.property.PropertyInputs.SpecsInput;
import io.alter8.command.property.PropertyInputs.TermsInput;
import io.alter8.command.property.PropertyInputs.UnitInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/properties}: everything about a property at once. {@code id} is optional (send one to make
 * retries safe without a key); {@code ownerId} is for admins and property managers, who register for an owner;
 * {@code units} may be left out for a property let as a whole.
 */
record RegisterPropertyRequest(UUID id,
                               UUID ownerId,
                               @NotBlank @Size(max = 255) String title,
                               @Size(max = 10_000) String description,
                               @NotNull @OneOf(PropertyType.class) String propertyType,
                               @NotNull @Valid SpecsInput specs,
                               @NotNull @Valid LocationInput location,
                               @NotNull @Valid TermsInput terms,
                               @Valid PreferencesInput preferences,
                               @Valid SeoInput seo,
                               @Valid MarketDataInput marketData,
                               @Size(max = 100) List<@NotNull @Valid AmenityInput> amenities,
                               @Size(max = 500) List<@NotNull @Valid UnitInput> units) {

    /** Whether the caller named the listing's slug, rather than leaving it to be made from the title. */
    boolean asksForSlug() {
        return seo != null && seo.slug() != null;
    }

    DetailsRequest details() {
        return new DetailsRequest(title, description, propertyType, specs, location, preferences, seo, marketData);
    }

    RegisterProperty toCommand(PropertyId propertyId, Actor by, Places places) {
        DetailsRequest details = details();
        return new RegisterProperty(propertyId, ownerId == null ? null : new UserId(ownerId), title.strip(),
                                    PropertyInputs.strip(description), details.type(), specs.toSpecs(),
                                    places.canonical(location.toLocation()), terms.toTerms(),
                                    details.preferencesOrNone(), details.seoOrNone(), details.marketDataOrNone(),
                                    PropertyInputs.amenities(amenities),
                                    units == null ? List.of() : units.stream().map(UnitInput::toSpec).toList(), by);
    }
}
