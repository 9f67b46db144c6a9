package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.WireEnum;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.FindPropertyById;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyView;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/properties")
@ReadModel(PropertyListingProjector.PROCESSING_GROUP)
@Tag(name = "Properties", description = "The property listing read model")
class PropertyQueryController {

    private final PropertyListingQueries queries;

    PropertyQueryController(PropertyListingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One property", description = "ETag is the version the read model reflects.")
    ResponseEntity<PropertyView> property(@PathVariable UUID id) {
        PropertyView view = queries.handle(new FindPropertyById(new PropertyId(id)))
                                   .orElseThrow(() -> ApiException.notFound("property", id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping
    @Operation(summary = "Search listings", description = "All filters optional; sort by monthlyRent, bedrooms, "
            + "registeredAt or title, e.g. sort=monthlyRent,desc.")
    PageView<PropertyView> search(@RequestParam(required = false) String city,
                                  @Parameter(description = "apartment, house, villa, commercial, plot, pg, "
                                          + "single_family, multi_family, condo")
                                  @RequestParam(required = false) String propertyType,
                                  @RequestParam(required = false) BigDecimal minRent,
                                  @RequestParam(required = false) BigDecimal maxRent,
                                  @RequestParam(required = false) Integer minBedrooms,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        List<FieldError> errors = new ArrayList<>();
        PropertyType type = null;
        if (propertyType != null) {
            try {
                type = PropertyType.fromWire(propertyType);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("propertyType", "must be one of: " + WireEnum.allowed(PropertyType.class)));
            }
        }
        if (minRent != null && minRent.signum() < 0) {
            errors.add(new FieldError("minRent", "must be 0 or more"));
        }
        if (maxRent != null && maxRent.signum() < 0) {
            errors.add(new FieldError("maxRent", "must be 0 or more"));
        }
        if (minRent != null && maxRent != null && minRent.compareTo(maxRent) > 0) {
            errors.add(new FieldError("maxRent", "must not be below minRent"));
        }
        if (minBedrooms != null && minBedrooms < 0) {
            errors.add(new FieldError("minBedrooms", "must be 0 or more"));
        }
        Paging paging = Paging.parse(page, size, sort, PropertyListingQueries.sortable(), "registeredAt", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        String cityFilter = city == null || city.isBlank() ? null : city.strip();
        return queries.handle(new FindProperties(cityFilter, type, minRent, maxRent, minBedrooms, paging.page(),
                                                 paging.size(), paging.sortField(), paging.ascending()));
    }
}
