package io.alter8.api.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Approves or rejects a medium: an admin, or a field executive for a verification of the property assigned to them
 * ({@code verificationId}).
 */
public record ReviewMedia(@TargetAggregateIdentifier PropertyMediaId propertyMediaId,
                          MediaId mediaId,
                          VerificationId verificationId,
                          MediaVerificationStatus status,
                          String reason,
                          Actor requestedBy,
                          @TargetAggregateVersion Long expectedVersion) {
}
