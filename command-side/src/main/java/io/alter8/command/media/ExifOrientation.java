package io.alter8.command.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/**
 * The EXIF orientation of a photo (metadata-extractor): how the camera stored the pixels relative to how the photo is
 * meant to be seen. A phone held upright usually stores a landscape frame tagged "rotate 90° clockwise" (6); shown
 * as stored, such a portrait photo lies on its side. Values 1 to 8 as EXIF defines them; anything else, or none, is 1.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    /** The orientation the metadata names; upright when it names none or an invalid one. */
    static int of(Metadata metadata) {
        ExifIFD0Directory camera = metadata == null ? null
                : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (camera == null || !camera.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return UPRIGHT;
        }
        try {
            int orientation = camera.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (MetadataException notANumber) {
            return UPRIGHT;
        }
    }

    /** The orientation of the image in {@code in}; upright when its metadata cannot be read. */
    static int read(InputStream in) {
        try {
            return of(ImageMetadataReader.readMetadata(in));
        } catch (ImageProcessingException | IOException | RuntimeException unreadable) {
            return UPRIGHT;
        }
    }

    /** Orientations 5 to 8 turn the picture a quarter: its width as seen is its stored height. */
    static boolean turnsAQuarter(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code image} as it is meant to be seen: turned and mirrored as {@code orientation} says. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // Each maps a stored point (x, y) to where it is seen; (m00, m10, m01, m11, m02, m12) as AffineTransform takes.
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // turned half way
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // mirrored along the diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // mirrored along the other diagonal
            default -> new AffineTransform(0, -1, 1, 0, 0, w);  // 8: turned a quarter anticlockwise
        };
        boolean quarter = turnsAQuarter(orientation);
        BufferedImage seen = new BufferedImage(quarter ? h : w, quarter ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seen.createGraphics();
        try {
            // Whole-pixel moves: nearest neighbour copies every pixel exactly.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return seen;
    }
}
