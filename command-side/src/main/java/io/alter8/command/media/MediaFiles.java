package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.document.StoredFile;
import io.alter8.api.media.RenditionSize;
import io.alter8.api.user.Actor;
import io.alter8.command.AggregateQuestions;
import io.alter8.command.NotFound;
import io.alter8.command.document.DocumentEntities;
import io.alter8.command.document.DocumentFiles;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The files of property media in the file store: stored per medium, and which of them the media still hold. */
@Component
class MediaFiles implements DocumentFiles.HeldFiles {

    static final String KIND = "property_media";

    private final Repository<PropertyMedia> media;
    private final DocumentEntities entities;

    MediaFiles(Repository<PropertyMedia> media, DocumentEntities entities) {
        this.media = media;
        this.entities = entities;
    }

    /**
     * The file of a medium (or of its smaller version {@code size}) that {@code by} may download, asked of the media
     * themselves, so visibility is checked against the property's people now. No event: a photo is fetched on every
     * page that shows it, and counting those would fill the store with views.
     */
    StoredFile fileFor(PropertyMediaId gallery, MediaId medium, RenditionSize size, Actor by) {
        ResultMessage<StoredFile> answer = DefaultUnitOfWork.startAndGet(null).executeWithResult(
                () -> AggregateQuestions.ask(media, gallery, g -> g.fileFor(medium, size, by, entities))
                                        .orElseThrow(() -> new NotFound("no medium " + medium)));
        if (answer.isExceptional()) {
            Throwable failure = answer.exceptionResult();
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        }
        return answer.getPayload();
    }

    static DocumentFiles.Holder holder(PropertyMediaId gallery, MediaId medium) {
        return new DocumentFiles.Holder(KIND, gallery.toString(), medium.toString());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> fileIdsOf(String id) {
        return AggregateQuestions.ask(media, id, PropertyMedia::fileIds).orElse(Set.of());
    }
}
