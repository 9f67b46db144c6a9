package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.document.DocumentExpired;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.ExpireDocument;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Retention: deletes documents whose auto-delete date has passed. Due dates are kept in {@code document_retention},
 * written with the events that set or end them. The job expires each due document by command (the event records
 * that retention deleted it, and which files), then deletes its files. Before the command its files are marked
 * unsettled, so that a crash after the command leaves them to {@link DocumentFileSweep} rather than forever.
 */
@Component
@ProcessingGroup(DocumentRetention.PROCESSING_GROUP)
class DocumentRetention {

    static final String PROCESSING_GROUP = "document-retention";
    private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final DocumentFiles files;
    private final Clock clock;

    DocumentRetention(JdbcTemplate jdbc, CommandGateway commands, DocumentFiles files, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.files = files;
        this.clock = clock;
    }

    @EventHandler
    void on(DocumentUploaded event) {
        if (event.autoDeleteAt() != null) {
            jdbc.update("INSERT INTO document_retention (document_id, auto_delete_at) VALUES (?, ?) "
                                + "ON CONFLICT (document_id) DO UPDATE SET auto_delete_at = EXCLUDED.auto_delete_at",
                        event.documentId().value(), Timestamp.from(event.autoDeleteAt()));
        }
    }

    @EventHandler
    void on(DocumentExpired event) {
        jdbc.update("DELETE FROM document_retention WHERE document_id = ?", event.documentId().value());
    }

    @Scheduled(fixedDelayString = "${alter8.documents.retention-interval:PT1H}")
    void expireDueNow() {
        int expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Retention deleted {} documents", expired);
        }
    }

    /** Expires every document due at {@code now}, a batch at a time; answers how many it deleted. */
    int expireDue(Instant now) {
        int expired = 0;
        List<UUID> due;
        do {
            due = jdbc.queryForList("SELECT document_id FROM document_retention WHERE auto_delete_at <= ? "
                                            + "ORDER BY auto_delete_at LIMIT ?", UUID.class, Timestamp.from(now),
                                    BATCH);
            for (UUID id : due) {
                expired += expire(new DocumentId(id), now) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return expired;
    }

    private boolean expire(DocumentId id, Instant now) {
        List<String> held = files.idsOf(id);
        held.forEach(files::unsettle);
        try {
            commands.sendAndWait(new ExpireDocument(id, now));
        } catch (RuntimeException e) {
            // Left for the next run; the sweep finds the files still held and settles them again.
            log.warn("Retention could not expire document {}: {}", id, e.getMessage());
            return false;
        }
        held.forEach(files::delete);
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule documentRetentionInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
