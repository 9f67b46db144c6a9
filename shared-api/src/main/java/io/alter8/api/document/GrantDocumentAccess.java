package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives {@code grantee} a permission on the document beyond what its entity gives them. */
public record GrantDocumentAccess(@TargetAggregateIdentifier DocumentId documentId,
                                  UserId grantee,
                                  DocumentPermission permission,
                                  Actor requestedBy,
                                  @TargetAggregateVersion Long expectedVersion) {
}
