package io.alter8.command.media;

import io.alter8.api.media.MediaDeleted;
import io.alter8.command.document.DocumentFiles;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a medium is deleted, its files go from the file store: the upload and the smaller versions the event names,
 * and any unsettled file a cut-short attempt left for it. Deleting a file already gone is no error, so a redelivered
 * event changes nothing. It runs on the renditions' process processor (one segment, in event order): a medium
 * deleted while its versions are made is deleted only after the maker is done with it, and the maker deletes what
 * it made when the media refuse to record it.
 */
@Component
@ProcessingGroup(WhenMediaUploadedThenMakeRenditions.PROCESSING_GROUP)
class WhenMediaDeletedThenDeleteFiles {

    private final DocumentFiles files;

    WhenMediaDeletedThenDeleteFiles(DocumentFiles files) {
        this.files = files;
    }

    @EventHandler
    void on(MediaDeleted event) {
        event.fileIds().forEach(files::delete);
        files.unsettledOf(MediaFiles.holder(event.propertyMediaId(), event.mediaId())).forEach(files::delete);
    }
}
