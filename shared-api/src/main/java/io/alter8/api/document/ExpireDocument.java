package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Retention's deletion of a document whose auto-delete date is at or before {@code now}; sent by the system. */
public record ExpireDocument(@TargetAggregateIdentifier DocumentId documentId,
                             Instant now) {
}
