package io.alter8.query.property;

import io.alter8.api.property.FindProperties;
import io.alter8.api.property.PropertySort;
import io.alter8.api.property.PropertyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search as SQL: a WHERE clause made of only the filters given, each one a plain indexable condition with bound
 * parameters (no {@code ? IS NULL OR …} catch-all, which keeps the planner from using the indexes), over the
 * partial indexes on {@code searchable}. A radius is a bounding box the GiST index answers, then the exact haversine
 * distance; the count is a separate query, skipped when the page itself shows the total.
 */
final class PropertySearchSql {

    /** km per degree of latitude (and of longitude at the equator). */
    private static final double KM_PER_DEGREE = 111.195;

    record Statement(String sql, Object[] args) {
    }

    private final FindProperties query;
    private final List<String> where = new ArrayList<>();
    private final List<Object> whereArgs = new ArrayList<>();

    PropertySearchSql(FindProperties query) {
        this.query = query;
        where.add("l.searchable");
        if (query.city() != null) {
            condition("l.city_key = ?", query.city().toLowerCase(Locale.ROOT));
        }
        if (query.area() != null) {
            condition("lower(l.area_name) = ?", query.area().toLowerCase(Locale.ROOT));
        }
        if (query.postalCode() != null) {
            condition("l.postal_code = ?", query.postalCode());
        }
        if (!query.propertyTypes().isEmpty()) {
            where.add("l.property_type IN (" + String.join(", ", query.propertyTypes().stream().map(t -> "?").toList())
                              + ")");
            query.propertyTypes().stream().map(PropertyType::wire).forEach(whereArgs::add);
        }
        if (query.subType() != null) {
            condition("lower(l.sub_type) = ?", query.subType().toLowerCase(Locale.ROOT));
        }
        if (query.minRent() != null) {
            condition("l.monthly_rent >= ?", query.minRent());
        }
        if (query.maxRent() != null) {
            condition("l.monthly_rent <= ?", query.maxRent());
        }
        if (query.currency() != null) {
            condition("l.rent_currency = ?", query.currency());
        }
        if (query.minBedrooms() != null) {
            condition("l.bedrooms >= ?", query.minBedrooms());
        }
        if (query.minBathrooms() != null) {
            condition("l.bathrooms >= ?", query.minBathrooms());
        }
        if (query.furnishing() != null) {
            condition("l.furnishing = ?", query.furnishing().wire());
        }
        if (query.petsAllowed() != null) {
            condition("l.pets_allowed = ?", query.petsAllowed());
        }
        if (query.preferredTenantType() != null) {
            condition("l.preferred_tenant_type IN (?, 'any')", query.preferredTenantType().wire());
        }
        if (query.dietaryPreference() != null) {
            condition("l.dietary_preference IN (?, 'any')", query.dietaryPreference().wire());
        }
        if (!query.amenities().isEmpty()) {
            condition("l.amenity_codes @> ?::text[]", (Object) query.amenities().toArray(String[]::new));
        }
        if (query.availableFrom() != null) {
            condition("(l.available_from IS NULL OR l.available_from <= ?)", query.availableFrom());
        }
        if (query.text() != null) {
            condition("l.search_vector @@ websearch_to_tsquery('english', ?)", query.text());
        }
        if (query.near() != null) {
            double lat = query.near().latitude();
            double lon = query.near().longitude();
            double dLat = query.radiusKm() / KM_PER_DEGREE;
            // Longitude degrees shrink towards the poles; near them the box is every longitude.
            double cos = Math.cos(Math.toRadians(Math.min(89.0, Math.abs(lat) + dLat)));
            double dLon = Math.min(180.0, query.radiusKm() / (KM_PER_DEGREE * cos));
            where.add("l.latitude IS NOT NULL");
            condition("point(l.longitude, l.latitude) <@ box(point(?, ?), point(?, ?))",
                      lon - dLon, lat - dLat, lon + dLon, lat + dLat);
            condition("haversine_km(?, ?, l.latitude, l.longitude) <= ?", lat, lon, query.radiusKm());
        }
    }

    private void condition(String sql, Object... args) {
        where.add(sql);
        whereArgs.addAll(List.of(args));
    }

    Statement page() {
        List<Object> args = new ArrayList<>();
        String select = "SELECT " + Rows.SUMMARY_COLUMNS;
        if (query.near() != null) {
            select += ", haversine_km(?, ?, l.latitude, l.longitude) AS distance_km";
            args.add(query.near().latitude());
            args.add(query.near().longitude());
        }
        args.addAll(whereArgs);
        args.add(query.size());
        args.add((long) query.page() * query.size());
        return new Statement(select + " FROM property_listing l WHERE " + String.join(" AND ", where)
                                     + " ORDER BY " + orderBy() + " LIMIT ? OFFSET ?", args.toArray());
    }

    Statement count() {
        return new Statement("SELECT count(*) FROM property_listing l WHERE " + String.join(" AND ", where),
                             whereArgs.toArray());
    }

    private String orderBy() {
        String direction = query.ascending() ? "ASC" : "DESC";
        PropertySort sort = query.sort();
        return switch (sort) {
            // Featured listings first, then the most recently published.
            case NEWEST -> "l.featured DESC, l.published_at " + direction + ", l.id " + direction;
            case RENT -> "l.monthly_rent " + direction + ", l.id " + direction;
            case DISTANCE -> "distance_km " + direction + ", l.id " + direction;
            case RATING -> "l.rating_avg " + direction + ", l.review_count " + direction + ", l.id " + direction;
        };
    }
}
