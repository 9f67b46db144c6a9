package io.alter8.api.media;

import java.time.Instant;

/**
 * What a photo's EXIF says of its capture, each field null when absent: the camera, when it was taken (as the
 * camera's clock gives it, read as UTC when the file names no offset), and where (GPS, degrees).
 */
public record CaptureInfo(String cameraMake,
                          String cameraModel,
                          Instant takenAt,
                          Double latitude,
                          Double longitude) {

    public static final CaptureInfo NONE = new CaptureInfo(null, null, null, null, null);
}
