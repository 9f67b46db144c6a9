package io.alter8.api.document;

/**
 * One version's bytes as stored: the file's id in the file store, what it was called, its size, the media type
 * detected from its content, and the SHA-256 of the content as uploaded (hex). {@code encryptionKeyId} names the
 * data key the stored bytes are sealed with (identity documents), null when they are stored as uploaded.
 */
public record StoredFile(String fileId,
                         String fileName,
                         long size,
                         String mediaType,
                         String sha256,
                         String encryptionKeyId) {

    public boolean encrypted() {
        return encryptionKeyId != null;
    }
}
