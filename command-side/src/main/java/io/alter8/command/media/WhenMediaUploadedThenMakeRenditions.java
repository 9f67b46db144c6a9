package io.alter8.command.media;

import io.alter8.api.media.CompleteMediaProcessing;
import io.alter8.api.media.FailMediaProcessing;
import io.alter8.api.media.MediaProcessingStatus;
import io.alter8.api.media.MediaRendition;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.StartMediaProcessing;
import io.alter8.command.document.DocumentFiles;
import io.alter8.command.process.Processes;
import io.alter8.command.process.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When an image is uploaded, its smaller versions are made in the background, on a process processor of their own
 * (never the request's thread): started (pending → processing), made and stored, then recorded (completed), or the
 * image refused with the reason (failed). A crash anywhere is retried from the event: a medium already completed
 * or failed is left alone, and the files a cut-short attempt stored are deleted before the versions are made again,
 * so no medium ever has two of a size. A medium deleted meanwhile is left alone, and what was made for it deleted.
 */
@Component
@ProcessingGroup(WhenMediaUploadedThenMakeRenditions.PROCESSING_GROUP)
class WhenMediaUploadedThenMakeRenditions {

    static final String PROCESSING_GROUP = "media-renditions";

    private final CommandGateway commands;
    private final MediaRenditions renditions;
    private final DocumentFiles files;

    WhenMediaUploadedThenMakeRenditions(CommandGateway commands, MediaRenditions renditions, DocumentFiles files) {
        this.commands = commands;
        this.renditions = renditions;
        this.files = files;
    }

    @EventHandler
    void on(MediaUploaded event) {
        if (event.processingStatus() != MediaProcessingStatus.PENDING) {
            return;
        }
        try {
            commands.sendAndWait(new StartMediaProcessing(event.propertyMediaId(), event.mediaId()));
        } catch (RuntimeException e) {
            if (Refusal.of(e, "processed").isPresent()) {
                // Completed or failed by an earlier delivery of this event (or the media are gone): nothing to make.
                return;
            }
            throw e;
        }
        DocumentFiles.Holder holder = MediaFiles.holder(event.propertyMediaId(), event.mediaId());
        // Still processing, so the medium holds no versions yet: any unsettled file of it but the upload is left over.
        files.unsettledOf(holder).stream().filter(id -> !id.equals(event.file().fileId())).forEach(files::delete);
        List<MediaRendition> made;
        try {
            made = renditions.make(holder, event.file());
        } catch (MediaRenditions.Unreadable e) {
            try {
                commands.sendAndWait(new FailMediaProcessing(event.propertyMediaId(), event.mediaId(),
                                                             e.getMessage()));
            } catch (RuntimeException refused) {
                if (!deletedMeanwhile(refused)) {
                    throw refused;
                }
            }
            return;
        }
        try {
            commands.sendAndWait(new CompleteMediaProcessing(event.propertyMediaId(), event.mediaId(), made));
        } catch (RuntimeException e) {
            made.forEach(rendition -> files.delete(rendition.file().fileId()));
            if (deletedMeanwhile(e)) {
                return;
            }
            throw e;
        }
        made.forEach(rendition -> files.settle(rendition.file().fileId()));
    }

    /** The medium was deleted while its versions were made: nothing to record, and nothing to try again. */
    private static boolean deletedMeanwhile(RuntimeException e) {
        return Refusal.of(e, "deleted").filter(refusal -> refusal.code().equals("deleted")).isPresent();
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule mediaRenditionsProcess() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
