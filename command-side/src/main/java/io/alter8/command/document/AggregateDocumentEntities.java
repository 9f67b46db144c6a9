package io.alter8.command.document;

import io.alter8.api.document.DocumentEntityType;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link DocumentEntities} from the features' sources, one per kind of entity. */
@Component
class AggregateDocumentEntities implements DocumentEntities {

    private final Map<DocumentEntityType, Source<?>> sources = new EnumMap<>(DocumentEntityType.class);

    AggregateDocumentEntities(List<Source<?>> sources) {
        sources.forEach(source -> this.sources.put(source.type(), source));
        for (DocumentEntityType type : DocumentEntityType.values()) {
            if (!this.sources.containsKey(type)) {
                throw new IllegalStateException("no source of document entities of type " + type.wire());
            }
        }
    }

    @Override
    public Optional<Members> membersOf(DocumentEntityType type, UUID id) {
        return sources.get(type).membersOf(id);
    }
}
