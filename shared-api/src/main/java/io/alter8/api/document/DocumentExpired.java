package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Retention deleted every version's file ({@code fileIds}) on {@code deletedAt}; the document is gone. */
@Revision("1")
public record DocumentExpired(DocumentId documentId,
                              List<String> fileIds,
                              String retentionPolicy,
                              Instant deletedAt) {
}
