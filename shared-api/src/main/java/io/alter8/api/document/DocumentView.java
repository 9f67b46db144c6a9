package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;

import java.time.Instant;
import java.util.List;

/**
 * A document as the documents view holds it: its latest version's file at the top, every version below (exactly one
 * with {@code isLatestVersion}), its signatures (of the latest version), access, downloads and retention.
 * {@code sequence} is the document's event sequence the view has applied (its ETag).
 */
public record DocumentView(DocumentId id,
                           DocumentEntityType entityType,
                           String entityId,
                           DocumentType documentType,
                           DocumentCategory category,
                           String title,
                           String description,
                           List<String> tags,
                           AccessLevel accessLevel,
                           int version,
                           String fileName,
                           long fileSize,
                           String mimeType,
                           String sha256,
                           boolean isEncrypted,
                           List<Version> versions,
                           boolean isSigned,
                           boolean fullySigned,
                           List<Signature> signatures,
                           UserId uploadedBy,
                           long downloadCount,
                           UserId lastAccessedBy,
                           Instant lastAccessedAt,
                           String retentionPolicy,
                           Instant autoDeleteAt,
                           List<String> complianceTags,
                           Instant createdAt,
                           Instant updatedAt,
                           long sequence) {

    public record Version(int version, Integer previousVersion, boolean isLatestVersion, String fileName,
                          long fileSize, String mimeType, String sha256, UserId uploadedBy, Instant uploadedAt) {
    }

    public record Signature(int version, UserId signerId, String signerName, Instant signedAt, String signatureImage,
                            String ipAddress) {
    }
}
