package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes back {@code grantee}'s explicit grant; what their entity gives them stays. */
public record RevokeDocumentAccess(@TargetAggregateIdentifier DocumentId documentId,
                                   UserId grantee,
                                   Actor requestedBy,
                                   @TargetAggregateVersion Long expectedVersion) {
}
