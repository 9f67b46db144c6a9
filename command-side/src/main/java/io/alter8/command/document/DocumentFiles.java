package io.alter8.command.document;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import io.alter8.api.document.StoredFile;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The bytes of documents and property media, in GridFS (bucket {@code document_files}); identity documents sealed
 * under their person's data key ({@link PersonalDataCipher#sealFile}). A file is stored before the command that
 * records it is sent, and is <em>unsettled</em> until that command succeeded: the caller deletes it when the command
 * is refused, and {@link DocumentFileSweep} deletes any unsettled file that its holder (a document, or another
 * aggregate's {@link HeldFiles}) does not hold (the command never arrived: a crash).
 */
@Component
public class DocumentFiles {

    static final String BUCKET = "document_files";
    private static final String SETTLED = "metadata.settled";
    private static final String DOCUMENT = "document";

    /**
     * The aggregate a file is stored for: its kind ({@code document}, or a {@link HeldFiles#kind()}), its id, and
     * the part of it the file belongs to (a medium of a property's media; null for a document's versions).
     */
    public record Holder(String kind, String id, String part) {

        static Holder document(DocumentId id) {
            return new Holder(DOCUMENT, id.toString(), null);
        }
    }

    /** Another kind of aggregate that holds files here: asked by the sweep which of its files it still holds. */
    public interface HeldFiles {

        String kind();

        /** The ids of the files aggregate {@code id} holds; empty when there is no such aggregate. */
        Set<String> fileIdsOf(String id);
    }

    private final GridFSBucket bucket;
    private final MongoCollection<org.bson.Document> files;
    private final PersonalDataCipher cipher;

    DocumentFiles(MongoDatabaseFactory mongo, PersonalDataCipher cipher) {
        this.bucket = GridFSBuckets.create(mongo.getMongoDatabase(), BUCKET);
        this.files = mongo.getMongoDatabase().getCollection(BUCKET + ".files");
        this.cipher = cipher;
    }

    /**
     * Stores {@code content} as an unsettled file, sealed for {@code sealFor} when not null; the answer is the
     * file as a document version records it.
     */
    StoredFile store(DocumentId document, Path content, String fileName, String mediaType, String sha256,
                     UserId sealFor) {
        return store(Holder.document(document), content, fileName, mediaType, sha256, sealFor);
    }

    /** As {@link #store(DocumentId, Path, String, String, String, UserId)}, for any holder. */
    public StoredFile store(Holder holder, Path content, String fileName, String mediaType, String sha256,
                            UserId sealFor) {
        ObjectId id = new ObjectId();
        String fileId = id.toHexString();
        // A document's files keep the field they always had, so files stored before other holders stay found.
        org.bson.Document metadata = holder.kind().equals(DOCUMENT)
                ? new org.bson.Document("documentId", holder.id())
                : new org.bson.Document("holder", holder.kind()).append("holderId", holder.id())
                                                                .append("part", holder.part());
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(metadata.append("mediaType", mediaType).append("settled", false));
        GridFSUploadStream upload = bucket.openUploadStream(new BsonObjectId(id), fileName, options);
        String keyId = null;
        try {
            if (sealFor == null) {
                Files.copy(content, upload);
                upload.close();
            } else {
                PersonalDataCipher.SealedOutput sealed = cipher.sealFile(sealFor, fileId, upload);
                keyId = sealed.keyId();
                try (OutputStream out = sealed.stream()) {
                    Files.copy(content, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        try {
            return new StoredFile(fileId, fileName, Files.size(content), mediaType, sha256, keyId);
        } catch (IOException e) {
            delete(fileId);
            throw new UncheckedIOException(e);
        }
    }

    /** The command that records the file succeeded: the sweep leaves it alone. */
    public void settle(String fileId) {
        files.updateOne(Filters.eq("_id", new ObjectId(fileId)), Updates.set(SETTLED, true));
    }

    /** About to be deleted by a command (retention): should the command fail, the sweep finds it held and keeps it. */
    void unsettle(String fileId) {
        files.updateOne(Filters.eq("_id", new ObjectId(fileId)), Updates.set(SETTLED, false));
    }

    /** Deletes the file; a file already gone is no error (a second sweep, a retry). */
    public void delete(String fileId) {
        try {
            bucket.delete(new ObjectId(fileId));
        } catch (MongoGridFSException gone) {
            // Deleted before: what was asked is done.
        }
    }

    /** The plaintext bytes of a stored file, opened for streaming. */
    public InputStream open(StoredFile file) {
        InputStream stored = bucket.openDownloadStream(new ObjectId(file.fileId()));
        if (!file.encrypted()) {
            return stored;
        }
        try {
            return cipher.openFile(file.encryptionKeyId(), file.fileId(), stored);
        } catch (IOException | RuntimeException e) {
            closeQuietly(stored);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The ids of every file stored for {@code document}. */
    List<String> idsOf(DocumentId document) {
        List<String> ids = new ArrayList<>();
        bucket.find(Filters.eq("metadata.documentId", document.toString()))
              .forEach(file -> ids.add(file.getObjectId().toHexString()));
        return ids;
    }

    /** The ids of the unsettled files stored for {@code holder}'s part: a retry finds what a crash left. */
    public List<String> unsettledOf(Holder holder) {
        List<String> ids = new ArrayList<>();
        bucket.find(Filters.and(Filters.eq("metadata.holder", holder.kind()),
                                Filters.eq("metadata.holderId", holder.id()),
                                Filters.eq("metadata.part", holder.part()), Filters.eq(SETTLED, false)))
              .forEach(file -> ids.add(file.getObjectId().toHexString()));
        return ids;
    }

    /** An unsettled file and what it was stored for. */
    record Unsettled(String fileId, Holder holder) {
    }

    /** Unsettled files stored before {@code before}: the candidates of a sweep. */
    List<Unsettled> unsettledBefore(Instant before, int limit) {
        List<Unsettled> found = new ArrayList<>();
        for (GridFSFile file : bucket.find(Filters.and(Filters.eq(SETTLED, false),
                                                       Filters.lt("uploadDate", Date.from(before))))
                                     .limit(limit)) {
            org.bson.Document metadata = file.getMetadata();
            String kind = metadata.getString("holder");
            found.add(new Unsettled(file.getObjectId().toHexString(), kind == null
                    ? Holder.document(DocumentId.of(metadata.getString("documentId")))
                    : new Holder(kind, metadata.getString("holderId"), metadata.getString("part"))));
        }
        return found;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The open failed already; that failure is the one to report.
        }
    }
}
