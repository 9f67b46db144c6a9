package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.command.AggregateQuestions;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * {@link Mandates} from the owner's account, loaded in the caller's unit of work: the answer follows the owner's own
 * events, with no read model that could lag behind a revocation.
 */
@Component
class AggregateMandates implements Mandates {

    private final Repository<UserAccount> accounts;

    AggregateMandates(Repository<UserAccount> accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean holds(UserId manager, UserId owner) {
        // No account, or the id of something else: nobody gave a mandate.
        return AggregateQuestions.ask(accounts, owner, account -> account.mandates(manager)).orElse(false);
    }
}
