package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DocumentAccessRevoked(DocumentId documentId,
                                    UserId grantee,
                                    UserId revokedBy) {
}
