package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.document.StoredFile;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records a medium of the property whose bytes are already stored; the gallery of the property is created by its first
 * medium. {@code primary} asks for it to be the primary photo (the first public image is anyway).
 */
public record UploadMedia(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
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
                          Boolean primary,
                          VerificationId verificationId,
                          Actor requestedBy) {
}
