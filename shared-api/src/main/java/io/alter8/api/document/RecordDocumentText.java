package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The words of version {@code version}'s text, extracted after the upload; sent by the system. */
public record RecordDocumentText(@TargetAggregateIdentifier DocumentId documentId,
                                 int version,
                                 List<String> searchWords) {
}
