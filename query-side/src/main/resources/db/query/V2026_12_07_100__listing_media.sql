-- The media a listing shows (issue 16): one row per medium of a property, kept by the property-listing processor from
-- the media events and guarded by the media aggregate's sequence number. The listing's own version is the property
-- aggregate's, so its two media columns are recomputed from these rows rather than written by a media event.
CREATE TABLE property_listing_media (
    media_id    UUID        PRIMARY KEY,
    property_id UUID        NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    visibility  VARCHAR(20) NOT NULL,
    is_primary  BOOLEAN     NOT NULL,
    version     BIGINT      NOT NULL
);
CREATE INDEX property_listing_media_property ON property_listing_media (property_id);

-- What search and detail show: the primary photo (a public image, else none) and the number of public media.
ALTER TABLE property_listing
    ADD COLUMN primary_media_id UUID,
    ADD COLUMN media_count      INTEGER NOT NULL DEFAULT 0;
