package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A medium as the property media view holds it. {@code fileUrl}, {@code thumbnailUrl} and the {@code processedVersions}
 * (by size) are paths on the command side, which serves the bytes; a size is there once it is made. {@code sequence}
 * is the property's media event sequence the view has applied to it.
 */
public record MediaView(MediaId id,
                        PropertyId propertyId,
                        MediaKind mediaType,
                        String fileUrl,
                        String thumbnailUrl,
                        String originalFilename,
                        long fileSize,
                        String mimeType,
                        Integer width,
                        Integer height,
                        Instant capturedAt,
                        UserId capturedBy,
                        CaptureInfo capture,
                        RoomType roomType,
                        List<String> tags,
                        boolean isPrimary,
                        int displayOrder,
                        boolean isVerified,
                        MediaVerificationStatus verificationStatus,
                        String rejectionReason,
                        UserId verifiedBy,
                        Instant verifiedAt,
                        VerificationId verificationId,
                        MediaProcessingStatus processingStatus,
                        String processingError,
                        Map<String, String> processedVersions,
                        MediaVisibility visibility,
                        Instant createdAt,
                        Instant updatedAt,
                        long sequence) {
}
