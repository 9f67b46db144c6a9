package io.alter8.command.property;

import io.alter8.api.common.UserId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/** A property's documents: its owner and manager write, its listing agent reads, its owner signs. */
@Component
class PropertyDocumentMembers extends DocumentEntities.Source<Property> {

    PropertyDocumentMembers(Repository<Property> properties) {
        super(DocumentEntityType.PROPERTY, properties, property -> members(property.people()));
    }

    private static DocumentEntities.Members members(People people) {
        Set<UserId> writers = new HashSet<>();
        writers.add(people.owner());
        if (people.manager() != null) {
            writers.add(people.manager());
        }
        Set<UserId> readers = people.agent() == null ? Set.of() : Set.of(people.agent());
        return new DocumentEntities.Members(writers, readers, Set.of(people.owner()));
    }
}
