package io.alter8.command.document;

import com.mongodb.MongoGridFSException;
import io.alter8.api.common.DocumentId;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DocumentVersionUploaded;
import io.alter8.api.document.RecordDocumentText;
import io.alter8.api.document.StoredFile;
import io.alter8.command.process.Processes;
import io.alter8.command.process.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * When a document or a new version is uploaded, the words of its text are extracted in the background, on a process
 * processor of its own (never the request's thread: Tika may take seconds over a large PDF), and recorded on the
 * document ({@link RecordDocumentText}), which search then finds. Identity documents (sealed) and files without text
 * (images) have none. A redelivered event is harmless: the document records a version's words once. A document
 * deleted meanwhile (retention), or whose file is gone, has nothing left to search.
 */
@Component
@ProcessingGroup(WhenDocumentUploadedThenExtractText.PROCESSING_GROUP)
class WhenDocumentUploadedThenExtractText {

    static final String PROCESSING_GROUP = "document-text";

    private final CommandGateway commands;
    private final DocumentFiles files;
    private final ContentInspector inspector;

    WhenDocumentUploadedThenExtractText(CommandGateway commands, DocumentFiles files, ContentInspector inspector) {
        this.commands = commands;
        this.files = files;
        this.inspector = inspector;
    }

    @EventHandler
    void on(DocumentUploaded event) {
        extract(event.documentId(), 1, event.file());
    }

    @EventHandler
    void on(DocumentVersionUploaded event) {
        extract(event.documentId(), event.version(), event.file());
    }

    private void extract(DocumentId document, int version, StoredFile file) {
        if (file.encrypted() || !ContentInspector.hasText(file.mediaType())) {
            return;
        }
        List<String> words;
        Path temp = null;
        try {
            temp = Files.createTempFile("alter8-text-", ".bin");
            try (InputStream in = files.open(file)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            } catch (MongoGridFSException gone) {
                // Deleted with its document (retention): nothing to search.
                return;
            }
            words = inspector.words(temp, file.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
        if (words.isEmpty()) {
            return;
        }
        try {
            commands.sendAndWait(new RecordDocumentText(document, version, words));
        } catch (RuntimeException e) {
            if (Refusal.of(e, "not-found").isEmpty()) {
                throw e;
            }
            // The document is gone (retention expired it), or refuses: nothing to record.
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule documentTextProcess() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
