package io.alter8.command.document;

import io.alter8.api.common.UserId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.command.AggregateQuestions;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who a document's entity gives access to, asked of that entity's own aggregate each time a document is used, so a
 * new property manager or a lease's tenants read its documents without a grant. Each feature that owns an entity
 * answers for its kind ({@link Source}).
 */
public interface DocumentEntities {

    /**
     * The people of an entity: {@code writers} upload, add versions and read; {@code readers} only read;
     * {@code signers} sign its documents (a lease's owner and tenants), and a document is fully signed when they
     * all have.
     */
    record Members(Set<UserId> writers, Set<UserId> readers, Set<UserId> signers) {

        public Members {
            writers = Set.copyOf(writers);
            readers = Set.copyOf(readers);
            signers = Set.copyOf(signers);
        }

        boolean includes(UserId user) {
            return writers.contains(user) || readers.contains(user) || signers.contains(user);
        }
    }

    /** The members of entity {@code id} of that type, or empty when there is no such entity. */
    Optional<Members> membersOf(DocumentEntityType type, UUID id);

    /**
     * One feature's answer for its kind of entity: {@code question} asked of the entity's aggregate, loaded in the
     * caller's unit of work. Each feature declares its own as a bean, since only it sees its aggregate.
     */
    class Source<A> {

        private final DocumentEntityType type;
        private final Repository<A> repository;
        private final Function<A, Members> question;

        public Source(DocumentEntityType type, Repository<A> repository, Function<A, Members> question) {
            this.type = type;
            this.repository = repository;
            this.question = question;
        }

        DocumentEntityType type() {
            return type;
        }

        Optional<Members> membersOf(UUID id) {
            return AggregateQuestions.ask(repository, id, question);
        }
    }
}
