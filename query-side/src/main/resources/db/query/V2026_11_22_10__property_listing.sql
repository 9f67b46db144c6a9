-- The listing read model (rebuilt from the event store by the property-listing processor).
CREATE TABLE property_listing (
    id            UUID PRIMARY KEY,
    title         VARCHAR(255)   NOT NULL,
    description   TEXT,
    property_type VARCHAR(50)    NOT NULL,
    address_line1 VARCHAR(255)   NOT NULL,
    address_line2 VARCHAR(255),
    city          VARCHAR(100)   NOT NULL,
    state         VARCHAR(100)   NOT NULL,
    postal_code   VARCHAR(10)    NOT NULL,
    country       VARCHAR(2)     NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    bedrooms      INTEGER        NOT NULL,
    bathrooms     NUMERIC(3, 1)  NOT NULL,
    monthly_rent  NUMERIC(14, 2) NOT NULL,
    rent_currency VARCHAR(3)     NOT NULL,
    version       BIGINT         NOT NULL,
    registered_at TIMESTAMPTZ    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);

-- The search filters by city (case-insensitive), type, rent and bedrooms (seed: idx_properties_search_combo).
CREATE INDEX property_listing_search ON property_listing (lower(city), property_type, monthly_rent, bedrooms);
CREATE INDEX property_listing_rent ON property_listing (monthly_rent);
CREATE INDEX property_listing_registered ON property_listing (registered_at, id);
