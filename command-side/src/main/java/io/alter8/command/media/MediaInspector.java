package io.alter8.command.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import io.alter8.api.media.CaptureInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.Iterator;

/**
 * Reads what an uploaded image says of itself, without decoding its pixels: its size as seen (turned as its EXIF
 * orientation says), and its capture from EXIF (metadata-extractor): camera make and model, when it was taken, where
 * (GPS). A file that says nothing, or cannot be read, gives nulls: the upload is kept, and a corrupt image fails when
 * its smaller versions are made.
 */
@Component
class MediaInspector {

    private static final Logger log = LoggerFactory.getLogger(MediaInspector.class);
    private static final int MAX_TEXT = 100;

    record Inspected(Integer width, Integer height, CaptureInfo capture) {

        static final Inspected NOTHING = new Inspected(null, null, CaptureInfo.NONE);
    }

    Inspected inspect(Path file, String mediaType) {
        if (!MediaRules.hasRenditions(mediaType)) {
            return Inspected.NOTHING;
        }
        Integer width = null;
        Integer height = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            log.info("The size of an uploaded image could not be read: {}", e.getClass().getSimpleName());
        }
        Metadata metadata = metadata(file);
        if (width != null && ExifOrientation.turnsAQuarter(ExifOrientation.of(metadata))) {
            // The size as the photo is seen, which is how its smaller versions are made.
            Integer stored = width;
            width = height;
            height = stored;
        }
        return new Inspected(width, height, metadata == null ? CaptureInfo.NONE : capture(metadata));
    }

    private static Metadata metadata(Path file) {
        try {
            return ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static CaptureInfo capture(Metadata metadata) {
        ExifIFD0Directory camera = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        String make = camera == null ? null : text(camera.getString(ExifIFD0Directory.TAG_MAKE));
        String model = camera == null ? null : text(camera.getString(ExifIFD0Directory.TAG_MODEL));
        // Without an offset in the file, the camera's clock is read as UTC (metadata-extractor's default).
        Date taken = exif == null ? null : exif.getDateOriginal();
        GeoLocation where = gps == null ? null : gps.getGeoLocation();
        boolean located = where != null && !where.isZero() && Math.abs(where.getLatitude()) <= 90
                && Math.abs(where.getLongitude()) <= 180;
        return new CaptureInfo(make, model, taken == null ? null : taken.toInstant(),
                               located ? where.getLatitude() : null, located ? where.getLongitude() : null);
    }

    /** EXIF text as kept: control characters (cameras pad with NUL, which PostgreSQL refuses) dropped, capped. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String kept = value.replaceAll("\\p{Cntrl}", "").strip();
        if (kept.isEmpty()) {
            return null;
        }
        return kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept;
    }
}
