package io.alter8.command.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.media.MediaVerifications;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The media's question to a verification, answered from its aggregate in the caller's unit of work. */
@Component
class VerificationMediaAssignments implements MediaVerifications {

    private final Repository<PropertyVerification> verifications;

    VerificationMediaAssignments(Repository<PropertyVerification> verifications) {
        this.verifications = verifications;
    }

    @Override
    public Optional<Assignment> of(VerificationId id) {
        return AggregateQuestions.ask(verifications, id, PropertyVerification::mediaAssignment);
    }
}
