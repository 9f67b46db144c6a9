package io.alter8.command.document;

import io.alter8.command.AggregateQuestions;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects files no document (or property media) holds: an upload whose command never arrived (the service stopped
 * between storing the bytes and sending it), or the files of a document retention expired before it could delete
 * them. Only unsettled files older than {@code grace} are looked at, so an upload in flight is never touched; each is
 * asked of its holder: held, it is settled again; not held (or no such holder), it is deleted.
 */
@Component
class DocumentFileSweep {

    private static final int BATCH = 500;

    private final DocumentFiles files;
    private final Repository<Document> documents;
    private final Map<String, DocumentFiles.HeldFiles> others = new HashMap<>();
    private final Clock clock;
    private final Duration grace;

    DocumentFileSweep(DocumentFiles files, Repository<Document> documents, List<DocumentFiles.HeldFiles> others,
                      Clock clock, @Value("${alter8.documents.sweep-grace:PT1H}") Duration grace) {
        this.files = files;
        this.documents = documents;
        others.forEach(holder -> this.others.put(holder.kind(), holder));
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${alter8.documents.sweep-interval:PT15M}")
    void sweepNow() {
        sweep(clock.instant());
    }

    /** Sweeps the files unsettled since before {@code now} less the grace; answers how many it deleted. */
    int sweep(Instant now) {
        int deleted = 0;
        for (DocumentFiles.Unsettled file : files.unsettledBefore(now.minus(grace), BATCH)) {
            Set<String> held = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> heldBy(file.holder()))
                                                .getPayload();
            if (held.contains(file.fileId())) {
                files.settle(file.fileId());
            } else {
                files.delete(file.fileId());
                deleted++;
            }
        }
        return deleted;
    }

    private Set<String> heldBy(DocumentFiles.Holder holder) {
        DocumentFiles.HeldFiles other = others.get(holder.kind());
        if (other != null) {
            return other.fileIdsOf(holder.id());
        }
        return AggregateQuestions.ask(documents, holder.id(), Document::fileIds).orElse(Set.of());
    }
}
