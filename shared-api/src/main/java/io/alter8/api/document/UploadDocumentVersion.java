package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;


/** A new version of the document, its bytes already stored; it becomes the latest, the previous stays readable. */
public record UploadDocumentVersion(@TargetAggregateIdentifier DocumentId documentId,
                                    StoredFile file,
                                    Actor requestedBy,
                                    @TargetAggregateVersion Long expectedVersion) {
}
