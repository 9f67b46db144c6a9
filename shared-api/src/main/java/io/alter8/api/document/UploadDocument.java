package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Records a document whose first version's bytes are already stored ({@code file}). The words of its text are
 * recorded after, once extracted ({@link RecordDocumentText}).
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
                             Actor requestedBy) {
}
