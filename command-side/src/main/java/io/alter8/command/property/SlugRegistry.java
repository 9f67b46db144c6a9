package io.alter8.command.property;

import io.alter8.api.common.PropertyId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who holds a listing slug now; the property aggregate asks before it picks or accepts one. */
interface SlugRegistry {

    Optional<PropertyId> holderOf(String slug);

    /** The holders of {@code slugs} at once, by slug; a slug nobody holds is absent. */
    default Map<String, PropertyId> holdersOf(List<String> slugs) {
        Map<String, PropertyId> held = new HashMap<>();
        slugs.forEach(slug -> holderOf(slug).ifPresent(holder -> held.put(slug, holder)));
        return held;
    }
}
