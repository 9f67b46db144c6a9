package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** {@code grantee} holds {@code permission} on the document (replacing any grant they held before). */
@Revision("1")
public record DocumentAccessGranted(DocumentId documentId,
                                    UserId grantee,
                                    DocumentPermission permission,
                                    UserId grantedBy) {
}
