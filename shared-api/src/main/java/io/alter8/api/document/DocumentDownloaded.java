package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone was given a version's bytes: the last access, and the document's downloads so far ({@code downloadCount},
 * counted by the document, so a view sets it rather than adding one). {@code file} is the one served.
 */
@Revision("1")
public record DocumentDownloaded(DocumentId documentId,
                                 int version,
                                 StoredFile file,
                                 UserId downloadedBy,
                                 Instant downloadedAt,
                                 long downloadCount) {
}
