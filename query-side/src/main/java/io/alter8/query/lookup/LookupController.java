package io.alter8.query.lookup;

import io.alter8.api.common.Country;
import io.alter8.api.lookup.AmenityView;
import io.alter8.api.lookup.AreaView;
import io.alter8.api.lookup.CityView;
import io.alter8.infra.masterdata.MasterCity;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.web.QueryParameters;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The master data for forms and filters: cities, their areas, amenities. Anyone signed in may read it. */
@RestController
@Tag(name = "Lookups", description = "Master data: cities, areas, amenities")
class LookupController {

    private final LookupCache cache;
    private final MasterData masterData;

    LookupController(LookupCache cache, MasterData masterData) {
        this.cache = cache;
        this.masterData = masterData;
    }

    @GetMapping("/api/lookups/cities")
    @Operation(summary = "Cities, by country and state")
    List<CityView> cities(@Parameter(description = "IN or US") @RequestParam(required = false) String country,
                          @Parameter(description = "State code (KA) or name (Karnataka)")
                          @RequestParam(required = false) String state) {
        List<FieldError> errors = new ArrayList<>();
        Country market = QueryParameters.wire("country", country, Country::fromWire, Country.class, errors);
        String wanted = QueryParameters.text(state);
        List<String> stateCodes = masterData.cities().stream()
                .filter(c -> market == null || c.country().equals(market.wire()))
                .filter(c -> wanted == null || c.stateCode().equalsIgnoreCase(wanted)
                        || c.stateName().equalsIgnoreCase(wanted))
                .map(MasterCity::stateCode).distinct().toList();
        if (wanted != null && stateCodes.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("state", "unknown state"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return stateCodes.stream().flatMap(code -> cache.cities(code).stream())
                         .filter(c -> market == null || c.country().equals(market.wire()))
                         .sorted(Comparator.comparing(CityView::country).thenComparing(CityView::name)).toList();
    }

    @GetMapping("/api/lookups/cities/{cityId}/areas")
    @Operation(summary = "The areas (localities) of a city")
    List<AreaView> areas(@PathVariable UUID cityId) {
        if (masterData.cities().stream().noneMatch(c -> c.id().equals(cityId))) {
            throw ApiException.notFound("city", cityId);
        }
        return masterData.areas(cityId).stream()
                         .map(a -> new AreaView(a.id(), a.cityId(), a.name(), a.postalCode(), a.areaType(),
                                                a.popular()))
                         .toList();
    }

    @GetMapping("/api/lookups/amenities")
    @Operation(summary = "Amenities properties and units may offer; filter listings by their codes")
    List<AmenityView> amenities() {
        return cache.amenities();
    }
}
