package io.alter8.command.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the eight EXIF orientations turns a stored picture into the one meant to be seen, as EXIF defines them; and
 * the orientation is read from a real JPEG's EXIF.
 */
class ExifOrientationTest {

    static final int RED = Color.RED.getRGB();
    static final int GREEN = Color.GREEN.getRGB();
    static final int BLUE = Color.BLUE.getRGB();
    static final int YELLOW = Color.YELLOW.getRGB();

    /** 6 × 4 pixels, a colour per quarter: red top left, green top right, blue bottom left, yellow bottom right. */
    static BufferedImage quarters() {
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 6; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, y < 2 ? (x < 3 ? RED : GREEN) : (x < 3 ? BLUE : YELLOW));
            }
        }
        return image;
    }

    static int colour(String name) {
        return switch (name) {
            case "red" -> RED;
            case "green" -> GREEN;
            case "blue" -> BLUE;
            default -> YELLOW;
        };
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, red, green, blue, yellow",
            "2, green, red, yellow, blue",    // mirrored left to right
            "3, yellow, blue, green, red",    // turned half way
            "4, blue, yellow, red, green",    // mirrored top to bottom
            "5, red, blue, green, yellow",    // mirrored left to right, then turned a quarter anticlockwise
            "6, blue, red, yellow, green",    // turned a quarter clockwise
            "7, yellow, green, blue, red",    // mirrored left to right, then turned a quarter clockwise
            "8, green, yellow, red, blue"})   // turned a quarter anticlockwise
    void eachOrientationShowsThePictureAsMeant(int orientation, String topLeft, String topRight, String bottomLeft,
                                              String bottomRight) {
        BufferedImage seen = ExifOrientation.upright(quarters(), orientation);
        boolean quarter = orientation >= 5;
        assertThat(seen.getWidth()).isEqualTo(quarter ? 4 : 6);
        assertThat(seen.getHeight()).isEqualTo(quarter ? 6 : 4);
        int right = seen.getWidth() - 1;
        int bottom = seen.getHeight() - 1;
        assertThat(seen.getRGB(0, 0)).as("top left").isEqualTo(colour(topLeft));
        assertThat(seen.getRGB(right, 0)).as("top right").isEqualTo(colour(topRight));
        assertThat(seen.getRGB(0, bottom)).as("bottom left").isEqualTo(colour(bottomLeft));
        assertThat(seen.getRGB(right, bottom)).as("bottom right").isEqualTo(colour(bottomRight));
    }

    @Test
    void theOrientationIsReadFromAJpegsExifAndAPhotoWithoutOneIsUpright() throws IOException {
        byte[] turned = MediaTestFiles.photoStoredTurned(80, 60, 6);
        assertThat(ExifOrientation.read(new ByteArrayInputStream(turned))).isEqualTo(6);
        assertThat(ImageIO.read(new ByteArrayInputStream(turned)).getWidth()).as("stored as taken").isEqualTo(80);
        assertThat(ExifOrientation.read(new ByteArrayInputStream(MediaTestFiles.jpeg(80, 60)))).isEqualTo(1);
        assertThat(ExifOrientation.read(new ByteArrayInputStream(new byte[] {1, 2, 3}))).isEqualTo(1);
    }
}
