package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Version {@code version} replaced {@code previousVersion} as the latest. Signatures belong to the version signed,
 * so the new one starts unsigned. {@code searchWords} as in {@link DocumentUploaded}: empty since the words follow
 * in {@link DocumentTextExtracted}.
 */
@Revision("1")
public record DocumentVersionUploaded(DocumentId documentId,
                                      int version,
                                      int previousVersion,
                                      StoredFile file,
                                      List<String> searchWords,
                                      UserId uploadedBy,
                                      Instant uploadedAt) {
}
