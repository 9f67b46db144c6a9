package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The normalised words of version {@code version}'s text ({@link SearchWords}), extracted in the background after its
 * upload; never for an identity document, whose bytes are sealed.
 */
@Revision("1")
public record DocumentTextExtracted(DocumentId documentId,
                                    int version,
                                    List<String> searchWords,
                                    Instant extractedAt) {
}
