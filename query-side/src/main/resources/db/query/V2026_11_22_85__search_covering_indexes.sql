-- Search at 100,000 listings: every page comes with its exact total, and counting a city's matches through the
-- listing rows (wide, one per heap page or so) read most of the city's pages. These indexes let the count, and the
-- page, find the matches inside an index.

-- btree_gin puts plain columns into a GIN index (a trusted extension: the schema owner may create it). With the city
-- in the same GIN index as the amenities and the words, "pune + 'park view'" or "pune + gym + parking" is one bitmap
-- of the city's matches instead of every match in the country filtered by city afterwards. A GIN index over several
-- columns answers a condition on any subset of them, so it replaces both single-column ones.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX property_search_terms ON property_listing USING GIN (city_key, amenity_codes, search_vector)
    WHERE searchable;
DROP INDEX property_search_amenities;
DROP INDEX property_search_text;

-- Rent order per city, now carrying the scalar filters: a city's count under any mix of type, bedrooms, bathrooms,
-- furnishing, pets, tenant type, diet, availability and currency is an index-only scan (the visibility map is kept
-- by autovacuum) rather than a visit to every listing of the city.
CREATE INDEX property_search_city_rent_filters ON property_listing (city_key, monthly_rent, id)
    INCLUDE (property_type, bedrooms, bathrooms, furnishing, pets_allowed, preferred_tenant_type, dietary_preference,
             available_from, rent_currency)
    WHERE searchable;
DROP INDEX property_search_city_rent;
