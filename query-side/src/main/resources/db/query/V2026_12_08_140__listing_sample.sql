-- A smaller sample for the listing's statistics. ANALYZE samples 300 rows per point of the largest statistics target
-- among a table's columns and its indexes' expressions (30,000 rows at the default of 100), then sorts and compares
-- the sample once for every column with statistics. The listing's filter columns are low-cardinality codes (each one's
-- values fit a list of 30), ranges (30 buckets of about 3 %, interpolated within), keys, and arrays and text vectors
-- (300 most common elements kept). 9,000 rows are enough for them: the searches of ./alter8 bench-search on 90,000
-- searchable listings were planned as with 30,000 but for the near-ties between two indexes that a second sample of
-- 30,000 flips too, and an ANALYZE of the listing costs a quarter of the CPU. Autovacuum analyses a growing listing
-- after every tenth of its rows changed (docs/decisions.md, "Smaller samples, and fewer statistics, for the tables
-- the bench grows").
ALTER TABLE property_listing
    ALTER COLUMN id SET STATISTICS 30,
    ALTER COLUMN owner_id SET STATISTICS 30,
    ALTER COLUMN listing_agent_id SET STATISTICS 30,
    ALTER COLUMN property_manager_id SET STATISTICS 30,
    ALTER COLUMN property_type SET STATISTICS 30,
    ALTER COLUMN sub_type SET STATISTICS 30,
    ALTER COLUMN area_name SET STATISTICS 30,
    ALTER COLUMN postal_code SET STATISTICS 30,
    ALTER COLUMN latitude SET STATISTICS 30,
    ALTER COLUMN longitude SET STATISTICS 30,
    ALTER COLUMN bedrooms SET STATISTICS 30,
    ALTER COLUMN bathrooms SET STATISTICS 30,
    ALTER COLUMN furnishing SET STATISTICS 30,
    ALTER COLUMN monthly_rent SET STATISTICS 30,
    ALTER COLUMN rent_currency SET STATISTICS 30,
    ALTER COLUMN available_from SET STATISTICS 30,
    ALTER COLUMN pets_allowed SET STATISTICS 30,
    ALTER COLUMN preferred_tenant_type SET STATISTICS 30,
    ALTER COLUMN dietary_preference SET STATISTICS 30,
    ALTER COLUMN amenity_codes SET STATISTICS 30,
    ALTER COLUMN status SET STATISTICS 30,
    ALTER COLUMN listing_status SET STATISTICS 30,
    ALTER COLUMN published_at SET STATISTICS 30,
    ALTER COLUMN available_units SET STATISTICS 30,
    ALTER COLUMN rating_avg SET STATISTICS 30,
    ALTER COLUMN review_count SET STATISTICS 30,
    ALTER COLUMN registered_at SET STATISTICS 30,
    ALTER COLUMN city_key SET STATISTICS 30,
    ALTER COLUMN featured SET STATISTICS 30,
    ALTER COLUMN searchable SET STATISTICS 30,
    ALTER COLUMN search_vector SET STATISTICS 30;

-- The radius search's index is on a point, which has no ordering: ANALYZE keeps only its nulls and width for it, which
-- no estimate of a distance filter reads, but its default target alone would keep the sample at 30,000 rows.
ALTER INDEX property_search_location ALTER COLUMN 1 SET STATISTICS 0;

-- The units: statistics only for what a query filters or sorts on (the property, the unit's number, whether it is
-- removed or occupied, its tenants); the rest is shown, never searched.
ALTER TABLE property_unit
    ALTER COLUMN bedrooms SET STATISTICS 0,
    ALTER COLUMN bathrooms SET STATISTICS 0,
    ALTER COLUMN area_sqft SET STATISTICS 0,
    ALTER COLUMN monthly_rent SET STATISTICS 0,
    ALTER COLUMN rent_currency SET STATISTICS 0,
    ALTER COLUMN features SET STATISTICS 0,
    ALTER COLUMN amenities SET STATISTICS 0,
    ALTER COLUMN lease_id SET STATISTICS 0,
    ALTER COLUMN version SET STATISTICS 0,
    ALTER COLUMN updated_at SET STATISTICS 0;
