package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code signerId} signed version {@code version}. {@code fullySigned} once every party the document's entity asks
 * for has signed that version (a lease agreement: the owner and every tenant). It names the document's entity and
 * type, so the lease can take up its signed agreement from this event alone. The signer's name is encrypted under
 * their data key; revision 1 carried it in plain text and is upcast.
 */
@Revision("2")
public record DocumentSigned(DocumentId documentId,
                             DocumentEntityType entityType,
                             UUID entityId,
                             DocumentType documentType,
                             int version,
                             UserId signerId,
                             EncryptedValue signerName,
                             Instant signedAt,
                             String signatureImage,
                             String ipAddress,
                             boolean fullySigned) {
}
