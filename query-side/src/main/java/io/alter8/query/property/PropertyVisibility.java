package io.alter8.query.property;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Who may see a property, for the routes of other features under it (its media): the listing's own rule. */
@Component
public class PropertyVisibility {

    private final PropertyListingQueries queries;

    PropertyVisibility(PropertyListingQueries queries) {
        this.queries = queries;
    }

    public Optional<PropertyAccess> of(UUID property) {
        return queries.access(property);
    }
}
