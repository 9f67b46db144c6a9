package io.alter8.command.media;

import io.alter8.api.media.MediaKind;
import io.alter8.command.document.UploadRules;
import org.springframework.util.unit.DataSize;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What each kind of property medium may be (media types as detected from the bytes, largest size), and which files
 * get smaller versions made: JPEG and PNG images, whatever their kind. A video may be far larger than a photo; the
 * largest, plus room for the form, is the body limit of the upload route in application.yml.
 */
final class MediaRules {

    static final String MP4 = "video/mp4";
    static final String QUICKTIME = "video/quicktime";
    static final String WEBM = "video/webm";
    static final DataSize LARGEST = DataSize.ofMegabytes(100);

    private static final Map<MediaKind, UploadRules.Rule> RULES = new EnumMap<>(Map.of(
            MediaKind.IMAGE, new UploadRules.Rule(Set.of(UploadRules.JPEG, UploadRules.PNG), DataSize.ofMegabytes(15)),
            MediaKind.FLOOR_PLAN, new UploadRules.Rule(Set.of(UploadRules.JPEG, UploadRules.PNG, UploadRules.PDF),
                                                       DataSize.ofMegabytes(15)),
            MediaKind.TOUR_360, new UploadRules.Rule(Set.of(UploadRules.JPEG, MP4), DataSize.ofMegabytes(50)),
            MediaKind.VIDEO, new UploadRules.Rule(Set.of(MP4, QUICKTIME, WEBM), LARGEST)));

    private MediaRules() {
    }

    static UploadRules.Rule of(MediaKind kind) {
        return RULES.get(kind);
    }

    static boolean hasRenditions(String mediaType) {
        return UploadRules.JPEG.equals(mediaType) || UploadRules.PNG.equals(mediaType);
    }
}
