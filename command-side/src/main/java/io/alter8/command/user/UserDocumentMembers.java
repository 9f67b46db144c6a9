package io.alter8.command.user;

import io.alter8.api.document.DocumentEntityType;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Set;

/** A user's documents (KYC, income proof): the user themself writes, reads and signs them. */
@Component
class UserDocumentMembers extends DocumentEntities.Source<UserAccount> {

    UserDocumentMembers(Repository<UserAccount> accounts) {
        super(DocumentEntityType.USER, accounts, account -> new DocumentEntities.Members(
                Set.of(account.id()), Set.of(), Set.of(account.id())));
    }
}
