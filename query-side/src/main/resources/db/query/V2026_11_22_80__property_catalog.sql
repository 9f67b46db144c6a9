-- The property catalog read model (issue 4): listings with every field of the property events, their units and
-- reviews, kept by the property-listing processor. It replaces the first listing table: read models are rebuilt from
-- the event store, so the old rows are dropped and the processor's tokens deleted, which makes it read the stream
-- again from the start.
DROP TABLE property_listing;
DELETE FROM token_entry WHERE processor_name = 'property-listing';

-- Exact great-circle distance in km (haversine, mean Earth radius). A plain SQL function the planner inlines; no
-- extension needed.
CREATE FUNCTION haversine_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                             lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION) RETURNS DOUBLE PRECISION
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;

CREATE TABLE property_listing (
    id                    UUID PRIMARY KEY,
    owner_id              UUID           NOT NULL,
    listing_agent_id      UUID,
    property_manager_id   UUID,
    registered_by         UUID,
    title                 VARCHAR(255)   NOT NULL,
    description           TEXT,
    property_type         VARCHAR(20)    NOT NULL,
    sub_type              VARCHAR(50),
    -- location
    address_line1         VARCHAR(255)   NOT NULL,
    address_line2         VARCHAR(255),
    landmark              VARCHAR(255),
    area_name             VARCHAR(255),
    city                  VARCHAR(100)   NOT NULL,
    state                 VARCHAR(100)   NOT NULL,
    postal_code           VARCHAR(10)    NOT NULL,
    country               VARCHAR(2)     NOT NULL,
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    location_accuracy     INTEGER,
    -- specs (areas in sq ft)
    carpet_area           NUMERIC(10, 2),
    built_up_area         NUMERIC(10, 2),
    super_built_up_area   NUMERIC(10, 2),
    plot_area             NUMERIC(10, 2),
    bedrooms              INTEGER        NOT NULL,
    bathrooms             NUMERIC(3, 1)  NOT NULL,
    balconies             INTEGER,
    parking_spaces        INTEGER,
    floor_number          INTEGER,
    total_floors          INTEGER,
    furnishing            VARCHAR(20),
    property_age          INTEGER,
    construction_year     INTEGER,
    -- rental terms: every amount in the rent's currency
    monthly_rent          NUMERIC(14, 2) NOT NULL,
    rent_currency         VARCHAR(3)     NOT NULL,
    security_deposit      NUMERIC(14, 2),
    maintenance_charge    NUMERIC(14, 2),
    brokerage             NUMERIC(14, 2),
    available_from        DATE,
    lease_duration_months INTEGER,
    -- tenant preferences
    pets_allowed          BOOLEAN        NOT NULL,
    preferred_tenant_type VARCHAR(20)    NOT NULL,
    dietary_preference    VARCHAR(20)    NOT NULL,
    -- SEO and market data
    slug                  VARCHAR(255),
    meta_title            VARCHAR(255),
    meta_description      TEXT,
    market_value          NUMERIC(14, 2),
    market_value_currency VARCHAR(3),
    price_per_sqft        NUMERIC(14, 2),
    price_per_sqft_currency VARCHAR(3),
    -- amenities: the master codes the property offers (available ones) for filtering, and every detail as given
    amenity_codes         TEXT[]         NOT NULL,
    amenities             JSONB          NOT NULL,
    -- life cycle
    status                VARCHAR(20)    NOT NULL,
    listing_status        VARCHAR(20)    NOT NULL,
    verification_status   VARCHAR(20)    NOT NULL,
    verification_notes    TEXT,
    verified_at           TIMESTAMPTZ,
    verified_by           UUID,
    published_at          TIMESTAMPTZ,
    hud_approved          BOOLEAN        NOT NULL DEFAULT FALSE,
    hud_approval_date     DATE,
    hud_program_type      VARCHAR(100),
    -- derived from property_unit and property_review, recomputed in the same transaction as they change
    total_units           INTEGER        NOT NULL DEFAULT 0,
    available_units       INTEGER        NOT NULL DEFAULT 0,
    rating_avg            NUMERIC(3, 2)  NOT NULL DEFAULT 0,
    review_count          INTEGER        NOT NULL DEFAULT 0,
    version               BIGINT         NOT NULL,
    registered_at         TIMESTAMPTZ    NOT NULL,
    updated_at            TIMESTAMPTZ    NOT NULL,
    -- search helpers
    city_key              VARCHAR(100)   GENERATED ALWAYS AS (lower(city)) STORED,
    featured              BOOLEAN        GENERATED ALWAYS AS (listing_status = 'featured') STORED,
    -- what the search shows: public or featured, active, with at least one vacant unit
    searchable            BOOLEAN        GENERATED ALWAYS AS (
        listing_status IN ('public', 'featured') AND status = 'active' AND available_units > 0) STORED,
    search_vector         TSVECTOR       GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(area_name, '')), 'B')
            || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED
);

-- Portfolios and the people of a property.
CREATE INDEX property_listing_owner ON property_listing (owner_id, registered_at);
CREATE INDEX property_listing_agent ON property_listing (listing_agent_id) WHERE listing_agent_id IS NOT NULL;
CREATE INDEX property_listing_manager ON property_listing (property_manager_id) WHERE property_manager_id IS NOT NULL;

-- Search: every index covers only what the search can show (partial on searchable), so it stays small and the
-- planner matches it from the WHERE clause the search always has.
-- The seed's combination (idx_properties_search_combo): city + type + rent + bedrooms.
CREATE INDEX property_search_combo ON property_listing (city_key, property_type, monthly_rent, bedrooms)
    WHERE searchable;
-- Newest first, featured before the rest (the default sort), per city and over all cities.
CREATE INDEX property_search_city_newest ON property_listing (city_key, featured, published_at, id) WHERE searchable;
CREATE INDEX property_search_newest ON property_listing (featured, published_at, id) WHERE searchable;
-- Rent order per city and overall; rating order.
CREATE INDEX property_search_city_rent ON property_listing (city_key, monthly_rent, id) WHERE searchable;
CREATE INDEX property_search_rent ON property_listing (monthly_rent, id) WHERE searchable;
CREATE INDEX property_search_rating ON property_listing (rating_avg, review_count, id) WHERE searchable;
CREATE INDEX property_search_postal_code ON property_listing (postal_code) WHERE searchable;
-- All-of amenities (@>), full text (@@) and radius (box containment, then exact haversine).
CREATE INDEX property_search_amenities ON property_listing USING GIN (amenity_codes) WHERE searchable;
CREATE INDEX property_search_text ON property_listing USING GIN (search_vector) WHERE searchable;
CREATE INDEX property_search_location ON property_listing USING GIST (point(longitude, latitude))
    WHERE searchable AND latitude IS NOT NULL;

-- Units (seed 001 units, unit_amenities). A removed unit stays as a row marked removed, with the sequence number of
-- its removal, so that a redelivered older event cannot bring it back.
CREATE TABLE property_unit (
    id            UUID PRIMARY KEY,
    property_id   UUID           NOT NULL,
    unit_number   VARCHAR(50)    NOT NULL,
    bedrooms      INTEGER        NOT NULL,
    bathrooms     NUMERIC(3, 1),
    area_sqft     NUMERIC(10, 2),
    monthly_rent  NUMERIC(14, 2),
    rent_currency VARCHAR(3),
    features      JSONB          NOT NULL,
    amenities     TEXT[]         NOT NULL,
    occupied      BOOLEAN        NOT NULL DEFAULT FALSE,
    lease_id      UUID,
    tenant_ids    UUID[]         NOT NULL DEFAULT '{}',
    removed       BOOLEAN        NOT NULL DEFAULT FALSE,
    version       BIGINT         NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);

CREATE INDEX property_unit_property ON property_unit (property_id, unit_number) WHERE NOT removed;

-- Reviews: one per reviewer and property, so a later review replaces the earlier one and the average never counts
-- anyone twice.
CREATE TABLE property_review (
    property_id UUID        NOT NULL,
    reviewer_id UUID        NOT NULL,
    rating      SMALLINT    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT,
    version     BIGINT      NOT NULL,
    reviewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (property_id, reviewer_id)
);

CREATE INDEX property_review_recent ON property_review (property_id, reviewed_at DESC, reviewer_id);
