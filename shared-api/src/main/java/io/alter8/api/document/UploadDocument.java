package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Records a document whose first version's bytes are already stored ({@code file}). {@code searchWords} are the
 * normalised words of its text, empty for documents that are encrypted or have no text.
 */
public record UploadDocument(@TargetAggregateIdentifier DocumentId documentId,
                             DocumentEntityType entityType,
                             UUID entityId,
                             DocumentType documentType,
                             String title,
                             String description,
                             List<String> tags,
                             AccessLevel accessLevel,
                             StoredFile file,
                             List<String> searchWords,
                             Actor requestedBy) {
}
