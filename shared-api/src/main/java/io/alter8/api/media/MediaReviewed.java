package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A field executive (for {@code verificationId}) or an admin (null) approved or rejected a medium; a rejection says
 * why.
 */
@Revision("1")
public record MediaReviewed(PropertyMediaId propertyMediaId,
                            PropertyId propertyId,
                            MediaId mediaId,
                            MediaVerificationStatus status,
                            String reason,
                            VerificationId verificationId,
                            UserId reviewedBy,
                            Instant reviewedAt) {
}
