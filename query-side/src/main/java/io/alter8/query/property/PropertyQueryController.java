package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.FindOwnerProperties;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.FindPropertyReviews;
import io.alter8.api.property.PropertyDetailView;
import io.alter8.api.property.PropertySummary;
import io.alter8.api.property.ReviewView;
import io.alter8.api.property.UnitAvailabilityView;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.ApiSecurityConfiguration;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY;

/**
 * The property catalog over HTTP: search, one property, its units and reviews, and portfolios. Search results,
 * details and unit availability come from Redis when an entry may be served ({@link PropertyCache}); people's
 * names are added per request, so a name change never leaves a cached detail stale.
 */
@RestController
@ReadModel(PropertyListingProjector.PROCESSING_GROUP)
@Tag(name = "Properties", description = "The property catalog: search, details, units, reviews, portfolios")
class PropertyQueryController {

    private static final String OWNER = "owner";

    private final PropertyListingQueries queries;
    private final PropertyCache cache;
    private final MasterData masterData;

    PropertyQueryController(PropertyListingQueries queries, PropertyCache cache, MasterData masterData) {
        this.queries = queries;
        this.cache = cache;
        this.masterData = masterData;
    }

    @GetMapping("/api/properties")
    @Operation(summary = "Search listings",
            description = "Public and featured listings that are active with a vacant unit. Every filter is "
                    + "optional; city, area and amenities are checked against the master data.")
    @Parameter(in = QUERY, name = "city", description = "A city of the master data (GET /api/lookups/cities)",
            schema = @Schema(type = "string", example = "Bangalore"))
    @Parameter(in = QUERY, name = "area", description = "A locality (GET /api/lookups/cities/{cityId}/areas)",
            schema = @Schema(type = "string"))
    @Parameter(in = QUERY, name = "pincode", description = "Pincode or ZIP code", schema = @Schema(type = "string"))
    @Parameter(in = QUERY, name = "propertyType", description = "One or more, comma-separated or repeated: apartment, "
            + "house, villa, commercial, plot, pg, single_family, multi_family, condo",
            schema = @Schema(type = "string", example = "apartment,villa"))
    @Parameter(in = QUERY, name = "subType", description = "Such as 2bhk or studio", schema = @Schema(type = "string"))
    @Parameter(in = QUERY, name = "minRent", schema = @Schema(type = "number", minimum = "0", example = "20000"))
    @Parameter(in = QUERY, name = "maxRent", schema = @Schema(type = "number", minimum = "0", example = "30000"))
    @Parameter(in = QUERY, name = "currency", description = "Only rents in this currency",
            schema = @Schema(type = "string", allowableValues = {"INR", "USD"}))
    @Parameter(in = QUERY, name = "minBedrooms", schema = @Schema(type = "integer", minimum = "0"))
    @Parameter(in = QUERY, name = "minBathrooms", description = "In halves: 1.5",
            schema = @Schema(type = "number", minimum = "0"))
    @Parameter(in = QUERY, name = "furnishing",
            schema = @Schema(type = "string", allowableValues = {"unfurnished", "semi_furnished", "fully_furnished"}))
    @Parameter(in = QUERY, name = "petsAllowed", schema = @Schema(type = "boolean"))
    @Parameter(in = QUERY, name = "preferredTenantType", description = "Listings preferring it or any",
            schema = @Schema(type = "string", allowableValues = {"family", "bachelor", "company", "any"}))
    @Parameter(in = QUERY, name = "dietaryPreference", description = "Listings stating it or any",
            schema = @Schema(type = "string", allowableValues = {"veg_only", "non_veg_ok", "any"}))
    @Parameter(in = QUERY, name = "amenities", description = "Master amenity codes, comma-separated: all of them",
            schema = @Schema(type = "string", example = "parking,gym"))
    @Parameter(in = QUERY, name = "availableFrom", description = "Available on or before this date",
            schema = @Schema(type = "string", format = "date", example = "2026-01-31"))
    @Parameter(in = QUERY, name = "q", description = "Full text over title, description and area, web search syntax: "
            + "\"sea view\" -studio", schema = @Schema(type = "string"))
    @Parameter(in = QUERY, name = "near", description = "latitude,longitude: with radiusKm, listings within it, each "
            + "with its distance", schema = @Schema(type = "string", example = "12.9716,77.5946"))
    @Parameter(in = QUERY, name = "radiusKm", description = "Around near, in km (default 10)",
            schema = @Schema(type = "number", minimum = "0", maximum = "100"))
    @Parameter(in = QUERY, name = "sort", description = "newest (default; featured first), rent (asc by default), "
            + "distance (needs near), rating (desc by default); e.g. sort=rent,desc",
            schema = @Schema(type = "string", example = "rent,asc"))
    @Parameter(in = QUERY, name = "page", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(in = QUERY, name = "size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
            defaultValue = "20"))
    @ApiResponse(responseCode = "200", description = "One page of listings and the number of all matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SearchPage.class)))
    ResponseEntity<String> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        FindProperties query = PropertySearchParameters.from(parameters).toQuery(masterData);
        // The same page for every caller: written as cached, the JSON of PageView<PropertySummary>.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                             .body(cache.getJson(searchSlot(query), () -> queries.handle(query)));
    }

    /** How the API docs show a search page (the handler sends the cached JSON of a {@link PageView} as text). */
    @Schema(name = "PropertySearchPage")
    record SearchPage(List<PropertySummary> items, int page, int size, long total) {
    }

    static PropertyCache.Slot<PageView<PropertySummary>> searchSlot(FindProperties query) {
        String cityKey = query.city() == null ? null : query.city().toLowerCase(Locale.ROOT);
        return new PropertyCache.Slot<>(PropertyCache.searchScope(cityKey), PropertySearchParameters.cacheKey(query),
                                        PropertyCache.SEARCH_TTL, new TypeReference<>() {
                                        }, null);
    }

    @GetMapping("/api/properties/{id}")
    @Operation(summary = "One property with its units, amenities, people and rating",
            description = "Everyone signed in sees public, active listings; anything else only its owner, listing "
                    + "agent and manager, admins, auditors and analysts (404 for others). ETag is its version.")
    ResponseEntity<PropertyDetailView> property(@PathVariable UUID id) {
        PropertyDetailView view = cache.get(detailSlot(id), () -> queries.detail(id).orElse(null));
        CurrentUser caller = CurrentUser.require();
        if (view == null || !PropertyAccess.of(view).visibleTo(caller)) {
            throw ApiException.notFound("property", id);
        }
        PropertyDetailView shown = queries.withNames(PropertyAccess.of(view).privileged(caller) ? view
                                                             : view.forOutsiders());
        return ResponseEntity.ok().eTag(ETags.of(shown.version())).body(shown);
    }

    static PropertyCache.Slot<PropertyDetailView> detailSlot(UUID id) {
        return new PropertyCache.Slot<>(PropertyCache.propertyScope(id), "property:" + id,
                                        PropertyCache.DETAIL_TTL, new TypeReference<>() {
                                        }, null);
    }

    @GetMapping("/api/properties/{id}/units")
    @Operation(summary = "Unit availability: how many units, how many vacant, and each unit",
            description = "Seen by whoever may see the property. ETag is the property's version.")
    ResponseEntity<UnitAvailabilityView> units(@PathVariable UUID id) {
        PropertyListingQueries.UnitsEntry entry = cache.get(unitsSlot(id), () -> queries.units(id).orElse(null));
        CurrentUser caller = CurrentUser.require();
        if (entry == null || !entry.access().visibleTo(caller)) {
            throw ApiException.notFound("property", id);
        }
        UnitAvailabilityView view = entry.access().privileged(caller) ? entry.availability()
                : entry.availability().withoutLeases();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** The management model's hash (totalUnits, availableUnits, lastUpdated) beside the whole entry. */
    static PropertyCache.Slot<PropertyListingQueries.UnitsEntry> unitsSlot(UUID id) {
        return new PropertyCache.Slot<>(PropertyCache.propertyScope(id), "unit:availability:" + id,
                                        PropertyCache.AVAILABILITY_TTL, new TypeReference<>() {
                                        }, entry -> {
                                            UnitAvailabilityView units = entry.availability();
                                            return Map.of("totalUnits", Integer.toString(units.totalUnits()),
                                                          "availableUnits", Integer.toString(units.availableUnits()),
                                                          "lastUpdated", units.lastUpdated().toString());
                                        });
    }

    @GetMapping("/api/properties/{id}/reviews")
    @Operation(summary = "A property's reviews, newest first", description = "Seen by whoever may see the property.")
    PageView<ReviewView> reviews(@PathVariable UUID id, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Paging paging = Paging.parse(page, size, null, Set.of(), null);
        Optional<PropertyAccess> access = queries.access(id);
        if (access.isEmpty() || !access.get().visibleTo(CurrentUser.require())) {
            throw ApiException.notFound("property", id);
        }
        return queries.handle(new FindPropertyReviews(new PropertyId(id), paging.page(), paging.size()));
    }

    @GetMapping("/api/properties/mine")
    @Operation(summary = "The caller's own properties, in any status (owners)",
            description = "Sort by registeredAt (default, newest first), title or monthlyRent.")
    PageView<PropertySummary> mine(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort) {
        return portfolio(CurrentUser.require().id(), page, size, sort);
    }

    @GetMapping("/api/owners/{ownerId}/properties")
    @Operation(summary = "An owner's properties, in any status",
            description = "The owner themself, admins, auditors and analysts; 403 for anyone else.")
    PageView<PropertySummary> ownerProperties(@PathVariable UUID ownerId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @RequestParam(required = false) String sort) {
        CurrentUser caller = CurrentUser.require();
        if (!caller.id().equals(ownerId) && !caller.hasAnyRole(PropertyAccess.READ_EVERYTHING)) {
            throw new ApiException(ApiSecurityConfiguration.forbidden());
        }
        return portfolio(ownerId, page, size, sort);
    }

    private PageView<PropertySummary> portfolio(UUID ownerId, Integer page, Integer size, String sort) {
        Paging paging = Paging.parse(page, size, sort, PropertyListingQueries.OWNER_SORTS.keySet(), "registeredAt");
        boolean ascending = sort != null && !sort.isBlank() && paging.ascending();
        return queries.handle(new FindOwnerProperties(new UserId(ownerId), paging.page(), paging.size(),
                                                      paging.sortField(), ascending));
    }

    /** "Mine" is for owners; the other routes decide per caller and property. */
    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/properties/mine").hasRole(OWNER);
        }
    }
}
