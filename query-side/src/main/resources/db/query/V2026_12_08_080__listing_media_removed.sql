-- A deleted medium (issue 16) stays as a marked row, guarded by its version, so that an older media event delivered
-- late cannot bring it back; the listing's primary photo and media count leave removed rows out.
ALTER TABLE property_listing_media
    ADD COLUMN removed BOOLEAN NOT NULL DEFAULT false;
