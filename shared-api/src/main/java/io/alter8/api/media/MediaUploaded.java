package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.document.StoredFile;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A photo, video, 360 tour or floor plan of a property, its bytes stored ({@code file}); {@code width} and {@code
 * height} are an image's pixels (null otherwise), {@code verificationId} the verification a field executive took it for
 * (null otherwise). {@code processingStatus} is pending for images, whose smaller versions are made next, completed for
 * the rest.
 */
@Revision("1")
public record MediaUploaded(PropertyMediaId propertyMediaId,
                            PropertyId propertyId,
                            MediaId mediaId,
                            MediaKind kind,
                            StoredFile file,
                            Integer width,
                            Integer height,
                            CaptureInfo capture,
                            RoomType roomType,
                            List<String> tags,
                            MediaVisibility visibility,
                            boolean primary,
                            int displayOrder,
                            VerificationId verificationId,
                            UserId uploadedBy,
                            Instant uploadedAt,
                            MediaProcessingStatus processingStatus) {
}
