-- Which property holds each listing slug (seed 000: properties.slug UNIQUE). Written by PropertySlugClaims in the
-- transaction that stores the property's events, so the primary key decides between two properties racing for the
-- same slug; a property holds one slug at a time.
CREATE TABLE property_slug_claim (
    slug        VARCHAR(255) PRIMARY KEY,
    property_id UUID         NOT NULL UNIQUE,
    claimed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
