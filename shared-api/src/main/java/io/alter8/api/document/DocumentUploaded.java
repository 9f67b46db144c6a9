package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document and its first version. {@code autoDeleteAt} is when retention deletes it (null: kept until its person
 * is erased); {@code searchWords} the normalised words of its text, for search, in documents uploaded while text was
 * extracted during the upload; empty since, the words following in {@link DocumentTextExtracted}.
 */
@Revision("1")
public record DocumentUploaded(DocumentId documentId,
                               DocumentEntityType entityType,
                               UUID entityId,
                               DocumentType documentType,
                               DocumentCategory category,
                               String title,
                               String description,
                               List<String> tags,
                               AccessLevel accessLevel,
                               StoredFile file,
                               List<String> searchWords,
                               UserId uploadedBy,
                               Instant uploadedAt,
                               String retentionPolicy,
                               Instant autoDeleteAt,
                               List<String> complianceTags) {
}
