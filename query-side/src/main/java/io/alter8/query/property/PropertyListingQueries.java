package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.FindPropertyById;
import io.alter8.api.property.PropertyView;
import jakarta.persistence.criteria.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the listing queries. They are Axon query handlers, so other components can ask over the query bus; the
 * REST controller calls them directly to save the hop.
 */
@Component
@Transactional(readOnly = true)
class PropertyListingQueries {

    /** API sort names and the entity attributes behind them. */
    static final Map<String, String> SORTABLE = Map.of(
            "monthlyRent", "monthlyRent", "bedrooms", "bedrooms", "registeredAt", "registeredAt", "title", "title");

    private final PropertyListingRepository listings;

    PropertyListingQueries(PropertyListingRepository listings) {
        this.listings = listings;
    }

    static Set<String> sortable() {
        return SORTABLE.keySet();
    }

    @QueryHandler
    Optional<PropertyView> handle(FindPropertyById query) {
        return listings.findById(query.propertyId().value()).map(PropertyListing::toView);
    }

    @QueryHandler
    PageView<PropertyView> handle(FindProperties query) {
        Sort sort = Sort.by(query.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC,
                            SORTABLE.get(query.sort()))
                        .and(Sort.by("id"));
        Page<PropertyListing> page = listings.findAll(matching(query), PageRequest.of(query.page(), query.size(), sort));
        return new PageView<>(page.getContent().stream().map(PropertyListing::toView).toList(), query.page(),
                              query.size(), page.getTotalElements());
    }

    private static Specification<PropertyListing> matching(FindProperties query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.city() != null) {
                where.add(cb.equal(cb.lower(root.get("city")), query.city().toLowerCase(Locale.ROOT)));
            }
            if (query.propertyType() != null) {
                where.add(cb.equal(root.get("propertyType"), query.propertyType().wire()));
            }
            if (query.minRent() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("monthlyRent"), query.minRent()));
            }
            if (query.maxRent() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("monthlyRent"), query.maxRent()));
            }
            if (query.minBedrooms() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("bedrooms"), query.minBedrooms()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
