package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caller downloads {@code version} of the document (null: the latest), if they may read it. */
public record DownloadDocument(@TargetAggregateIdentifier DocumentId documentId,
                               Integer version,
                               Actor requestedBy) {
}
