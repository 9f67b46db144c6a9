package io.alter8.command.verification;

import io.alter8.api.document.DocumentEntityType;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** A verification's documents (its report, photos): see {@link PropertyVerification#documentMembers()}. */
@Component
class VerificationDocumentMembers extends DocumentEntities.Source<PropertyVerification> {

    VerificationDocumentMembers(Repository<PropertyVerification> verifications) {
        super(DocumentEntityType.VERIFICATION, verifications, PropertyVerification::documentMembers);
    }
}
