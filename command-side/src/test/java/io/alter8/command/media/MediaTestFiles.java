package io.alter8.command.media;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Real media made in the tests: a JPEG photo with EXIF (camera, time taken, GPS), one stored turned with its EXIF
 * orientation, a corrupt JPEG, an MP4 header.
 */
public final class MediaTestFiles {

    static final String MAKE = "Apple";
    static final String MODEL = "iPhone 14";
    /** As the camera writes it: local time without an offset. */
    static final String TAKEN = "2026:11:30 10:15:00";
    static final double LATITUDE = 12.9716;
    static final double LONGITUDE = 77.5946;

    private MediaTestFiles() {
    }

    /** A {@code width} × {@code height} JPEG of a gradient, without EXIF. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same with EXIF written into it, as a phone's camera does. */
    static byte[] photoWithExif(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, MAKE);
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, MODEL);
            exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, TAKEN);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code width} × {@code height} JPEG stored as a camera stores a photo it took held another way: left half red,
     * right half blue, tagged with EXIF {@code orientation} (6: to be turned a quarter clockwise to be seen).
     */
    static byte[] photoStoredTurned(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        try (ByteArrayOutputStream plain = new ByteArrayOutputStream();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpeg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG whose data after its first segments is overwritten: detected as a JPEG, but not decodable whole. */
    static byte[] corruptJpeg() {
        byte[] bytes = jpeg(400, 300);
        byte[] corrupt = Arrays.copyOf(bytes, bytes.length);
        Arrays.fill(corrupt, 20, corrupt.length, (byte) 0x5A);
        return corrupt;
    }

    /** The start of an MP4 file (an ftyp box), padded to {@code size} bytes: what the type detection reads. */
    static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
