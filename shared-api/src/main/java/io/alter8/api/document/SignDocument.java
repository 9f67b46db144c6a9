package io.alter8.api.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The caller signs the latest version under {@code signerName} (encrypted under the signer's data key);
 * {@code signatureImage} references the image of the signature (a document id or URL), {@code ipAddress} is where
 * the request came from.
 */
public record SignDocument(@TargetAggregateIdentifier DocumentId documentId,
                           EncryptedValue signerName,
                           String signatureImage,
                           String ipAddress,
                           Actor requestedBy,
                           @TargetAggregateVersion Long expectedVersion) {
}
