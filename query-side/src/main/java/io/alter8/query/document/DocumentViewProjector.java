package io.alter8.query.document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.alter8.api.common.DocumentId;
import io.alter8.api.document.DocumentAccessGranted;
import io.alter8.api.document.DocumentAccessRevoked;
import io.alter8.api.document.DocumentDownloaded;
import io.alter8.api.document.DocumentExpired;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.document.DocumentTextExtracted;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DocumentVersionUploaded;
import io.alter8.api.document.SearchWords;
import io.alter8.api.document.StoredFile;
import io.alter8.query.mongo.SequencedDocuments;
import io.alter8.api.user.UserErased;
import io.alter8.infra.privacy.PersonalDataReader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The documents view in MongoDB (collection {@code documents}, one per document, keyed by its id). MongoDB cannot
 * commit with the processor's token, so every write is guarded by the document's event sequence: it applies only
 * while the view's {@code sequence} is below the event's, so an event delivered again, or late, changes nothing,
 * and arrays are pushed to at most once per event. Counts are set as the events carry them, never incremented.
 */
@Component
@ProcessingGroup(DocumentViewProjector.PROCESSING_GROUP)
class DocumentViewProjector {

    static final String PROCESSING_GROUP = "documents";
    static final String COLLECTION = "documents";

    private final MongoTemplate mongo;
    private final PersonalDataReader personalData;

    DocumentViewProjector(MongoTemplate mongo, PersonalDataReader personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    /**
     * The indexes of the searches: by entity, type, category, uploader, tags, upload time, and the word index
     * (the documents collection's text index, which the embedded server cannot serve, as a multikey index).
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoCollection<Document> documents = collection();
        documents.createIndex(Indexes.ascending("entityType", "entityId"));
        documents.createIndex(Indexes.ascending("documentType"));
        documents.createIndex(Indexes.ascending("category"));
        documents.createIndex(Indexes.ascending("uploadedBy"));
        documents.createIndex(Indexes.ascending("tags"));
        documents.createIndex(Indexes.ascending("createdAt"));
        documents.createIndex(Indexes.ascending("searchWords"), new IndexOptions().name("searchWords_words"));
    }

    @EventHandler
    void on(DocumentUploaded event, @SequenceNumber long sequence) {
        Date at = Date.from(event.uploadedAt());
        StoredFile file = event.file();
        Document view = new Document("_id", event.documentId().toString())
                .append("entityType", event.entityType().wire())
                .append("entityId", event.entityId().toString())
                .append("documentType", event.documentType().wire())
                .append("category", event.category().wire())
                .append("title", event.title())
                .append("description", event.description())
                .append("tags", event.tags())
                .append("accessLevel", event.accessLevel().wire())
                .append("uploadedBy", event.uploadedBy().toString())
                .append("versions", List.of(version(1, null, file, event.uploadedBy().toString(), at)))
                .append("signatures", List.of())
                .append("fullySigned", false)
                .append("grants", new Document())
                .append("downloadCount", 0L)
                .append("retentionPolicy", event.retentionPolicy())
                .append("autoDeleteAt", event.autoDeleteAt() == null ? null : Date.from(event.autoDeleteAt()))
                .append("complianceTags", event.complianceTags())
                .append("createdAt", at)
                .append("updatedAt", at)
                .append("sequence", sequence);
        latest(file, event.searchWords(), event.title(), event.description(), event.tags())
                .forEach(view::append);
        new SequencedDocuments(collection()).replace(view);
    }

    @EventHandler
    void on(DocumentVersionUploaded event, @SequenceNumber long sequence) {
        Document current = collection().find(Filters.eq("_id", event.documentId().toString())).first();
        if (current == null || current.get("sequence", Number.class).longValue() >= sequence) {
            return;
        }
        Date at = Date.from(event.uploadedAt());
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.push("versions", version(event.version(), event.previousVersion(), event.file(),
                                                     event.uploadedBy().toString(), at)));
        updates.add(Updates.set("signatures", List.of()));
        updates.add(Updates.set("fullySigned", false));
        latest(event.file(), event.searchWords(), current.getString("title"), current.getString("description"),
               current.getList("tags", String.class))
                .forEach((field, value) -> updates.add(Updates.set(field, value)));
        update(event.documentId(), sequence, event.uploadedAt(), updates);
    }

    /** The words of a version's text, extracted after its upload: searched by if it is still the latest. */
    @EventHandler
    void on(DocumentTextExtracted event, @SequenceNumber long sequence) {
        Document current = collection().find(Filters.eq("_id", event.documentId().toString())).first();
        if (current == null || current.get("sequence", Number.class).longValue() >= sequence) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        if (current.getList("versions", Document.class).size() == event.version()) {
            updates.add(Updates.set("searchWords", words(event.searchWords(), current.getString("title"),
                                                         current.getString("description"),
                                                         current.getList("tags", String.class))));
        }
        update(event.documentId(), sequence, null, updates);
    }

    @EventHandler
    void on(DocumentDownloaded event, @SequenceNumber long sequence) {
        update(event.documentId(), sequence, null, List.of(
                Updates.set("downloadCount", event.downloadCount()),
                Updates.set("lastAccessedBy", event.downloadedBy().toString()),
                Updates.set("lastAccessedAt", Date.from(event.downloadedAt()))));
    }

    @EventHandler
    void on(DocumentAccessGranted event, @SequenceNumber long sequence) {
        update(event.documentId(), sequence, null,
               List.of(Updates.set("grants." + event.grantee(), event.permission().wire())));
    }

    @EventHandler
    void on(DocumentAccessRevoked event, @SequenceNumber long sequence) {
        update(event.documentId(), sequence, null, List.of(Updates.unset("grants." + event.grantee())));
    }

    @EventHandler
    void on(DocumentSigned event, @SequenceNumber long sequence) {
        Document signature = new Document("version", event.version())
                .append("signerId", event.signerId().toString())
                .append("signerName", personalData.plainUnlessErased(event.signerName()))
                .append("signedAt", Date.from(event.signedAt()))
                .append("signatureImage", event.signatureImage())
                .append("ipAddress", event.ipAddress());
        update(event.documentId(), sequence, event.signedAt(),
               List.of(Updates.push("signatures", signature), Updates.set("fullySigned", event.fullySigned())));
    }

    /**
     * An erased signer's name leaves every signature of theirs (it was written while they existed); a replay writes
     * none, as their key is gone. A signature array holds one entry per version signed, so this clears one match per
     * document at a time until none is left.
     */
    @EventHandler
    void on(UserErased event) {
        String signer = event.userId().toString();
        Bson named = Filters.elemMatch("signatures", Filters.and(Filters.eq("signerId", signer),
                                                                  Filters.ne("signerName", null)));
        while (collection().updateMany(named, Updates.set("signatures.$.signerName", null)).getModifiedCount() > 0) {
            // again, for the next signature of theirs in the same documents
        }
    }

    /** Retention deleted the files: the document leaves the view (its history stays in the event store). */
    @EventHandler
    void on(DocumentExpired event, @SequenceNumber long sequence) {
        collection().deleteOne(Filters.and(Filters.eq("_id", event.documentId().toString()),
                                           Filters.lt("sequence", sequence)));
    }

    @ResetHandler
    void dropAll() {
        collection().deleteMany(new Document());
    }

    private void update(DocumentId id, long sequence, Instant at, List<Bson> updates) {
        new SequencedDocuments(collection()).update(id.toString(), sequence, at, updates);
    }

    private static Document version(int number, Integer previous, StoredFile file, String by, Date at) {
        return new Document("version", number).append("previousVersion", previous)
                                              .append("fileName", file.fileName()).append("fileSize", file.size())
                                              .append("mimeType", file.mediaType()).append("sha256", file.sha256())
                                              .append("uploadedBy", by).append("uploadedAt", at);
    }

    /** The latest version's fields at the top, and the words it is found by: its text's, title's, tags'. */
    private static Document latest(StoredFile file, List<String> textWords, String title, String description,
                                   List<String> tags) {
        return new Document("fileName", file.fileName()).append("fileSize", file.size())
                                                         .append("mimeType", file.mediaType())
                                                         .append("sha256", file.sha256())
                                                         .append("isEncrypted", file.encrypted())
                                                         .append("searchWords", words(textWords, title, description,
                                                                                      tags));
    }

    private static List<String> words(List<String> textWords, String title, String description, List<String> tags) {
        Set<String> words = new LinkedHashSet<>(textWords);
        words.addAll(SearchWords.of(title));
        words.addAll(SearchWords.of(description));
        tags.forEach(tag -> words.addAll(SearchWords.of(tag)));
        return List.copyOf(words);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
