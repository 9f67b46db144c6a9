package io.alter8.command.media;

import io.alter8.api.document.StoredFile;
import io.alter8.api.media.MediaRendition;
import io.alter8.api.media.RenditionSize;
import io.alter8.command.document.DocumentFiles;
import io.alter8.command.document.UploadRules;
import io.alter8.command.document.Uploads;
import org.springframework.stereotype.Component;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Makes the thumbnail, medium and large versions of an image (JPEG, each within its size's square, never enlarged,
 * turned upright as its EXIF orientation says, since the versions carry no EXIF) and stores them, unsettled, for the
 * media's holder. An image that cannot be decoded whole is refused with the reason ({@link Unreadable}); one of more
 * pixels than {@link #MAX_PIXELS} is refused before it is decoded.
 */
@Component
class MediaRenditions {

    /** 100 megapixels: a decoded image of more would take over 400 MB of memory. */
    static final long MAX_PIXELS = 100_000_000L;
    private static final float QUALITY = 0.85f;

    /** The image cannot be made smaller, and why; a failure of the image, not of the service. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private final DocumentFiles files;

    MediaRenditions(DocumentFiles files) {
        this.files = files;
    }

    /** Every size of {@code original}, stored for {@code holder}; on any failure none is left stored. */
    List<MediaRendition> make(DocumentFiles.Holder holder, StoredFile original) throws Unreadable {
        BufferedImage image;
        int orientation;
        try (InputStream in = files.open(original)) {
            image = decode(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = files.open(original)) {
            orientation = ExifOrientation.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MediaRendition> made = new ArrayList<>();
        try {
            for (RenditionSize size : RenditionSize.values()) {
                // Turned after scaling: the box is square, so the size fits either way, and fewer pixels move.
                made.add(store(holder, size, ExifOrientation.upright(scaled(image, size.edge()), orientation)));
            }
            return made;
        } catch (RuntimeException e) {
            made.forEach(rendition -> files.delete(rendition.file().fileId()));
            throw e;
        }
    }

    private static BufferedImage decode(InputStream stored) throws IOException, Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(stored)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Unreadable("not a readable image");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            reader.addIIOReadWarningListener(listener);
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new Unreadable("the image has " + pixels + " pixels; at most " + MAX_PIXELS
                            + " are made smaller");
                }
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    // A truncated JPEG decodes with a warning and grey where its data ended: not worth showing.
                    throw new Unreadable("the image is corrupt: " + warnings.get(0));
                }
                return image;
            } catch (IOException | RuntimeException e) {
                throw new Unreadable("the image is corrupt: " + reason(e));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The decoder's own words, without class names; they say what is wrong ("Bogus Huffman table definition"). */
    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "it cannot be decoded"
                : message.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static BufferedImage scaled(BufferedImage image, int edge) {
        double scale = Math.min(1.0, (double) edge / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        // Halving first keeps detail that one bilinear step of a large factor would drop.
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, height);
    }

    /** Drawn on white into RGB: a PNG's transparency becomes white in the JPEG. */
    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private MediaRendition store(DocumentFiles.Holder holder, RenditionSize size, BufferedImage image) {
        Path temp = null;
        try {
            temp = Files.createTempFile("alter8-rendition-", ".jpg");
            String sha256 = Uploads.copyAndDigest(new ByteArrayInputStream(jpeg(image)), temp);
            StoredFile file = files.store(holder, temp, size.wire() + ".jpg", UploadRules.JPEG, sha256, null);
            return new MediaRendition(size, file, image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
