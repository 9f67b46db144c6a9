package io.alter8.command.media;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;

import java.util.Optional;

/**
 * What the media of a property ask of a verification a field executive names: which property it is of, who carries
 * it out, and whether it is still open. Answered by the verification feature from its aggregate.
 */
public interface MediaVerifications {

    record Assignment(PropertyId propertyId, UserId fieldExecutiveId, boolean open) {
    }

    Optional<Assignment> of(VerificationId id);
}
