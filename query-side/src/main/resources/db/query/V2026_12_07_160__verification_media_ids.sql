-- A verification report names the property's media by id; the bare URLs of reports filed before media existed stay
-- readable as legacy_media_urls (photos, then the video, then the tour), as the event upcaster keeps them.
ALTER TABLE verification ADD COLUMN verification_media_ids UUID[];
ALTER TABLE verification ADD COLUMN legacy_media_urls TEXT[];

UPDATE verification
   SET verification_media_ids = '{}',
       legacy_media_urls = COALESCE(verification_photos, '{}')
                           || CASE WHEN verification_video_url IS NULL THEN '{}'::TEXT[]
                                   ELSE ARRAY[verification_video_url] END
                           || CASE WHEN virtual_tour_url IS NULL THEN '{}'::TEXT[]
                                   ELSE ARRAY[virtual_tour_url] END
 WHERE quality_score IS NOT NULL;

ALTER TABLE verification DROP COLUMN verification_photos;
ALTER TABLE verification DROP COLUMN verification_video_url;
ALTER TABLE verification DROP COLUMN virtual_tour_url;
