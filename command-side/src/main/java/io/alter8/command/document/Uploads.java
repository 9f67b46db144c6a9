package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.StoredFile;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * An uploaded file from the request to the file store, checked against its type's rules first: empty (400), too
 * large (413), a media type the type does not take (415), or a declared type the bytes disagree with (400). Then it
 * is stored, the command recording it is sent, and a refused or failed command deletes the file again, so nothing
 * is left half-written.
 */
@Component
public class Uploads {

    /**
     * What was checked and will be stored: the bytes in a temporary file (there until the command is sent), their
     * type and checksum. Their text is read after the answer, in the background.
     */
    public record Checked(Path content, String fileName, String mediaType, String sha256) {
    }

    private final ContentInspector inspector;
    private final DocumentFiles files;

    Uploads(ContentInspector inspector, DocumentFiles files) {
        this.inspector = inspector;
        this.files = files;
    }

    /**
     * Checks {@code upload} against {@code type}'s rules, stores it (sealed for {@code sealFor} when not null) and
     * sends the command {@code record} makes of the stored file; a failure of the command deletes the file.
     */
    <R> R store(MultipartFile upload, DocumentType type, DocumentId document, UserId sealFor,
                BiFunction<Checked, StoredFile, R> record) {
        return store(upload, UploadRules.of(type), "a " + type.wire() + " document",
                     DocumentFiles.Holder.document(document), sealFor, record);
    }

    /**
     * The same for any holder of files: {@code upload} checked against {@code rule} ({@code what} names the kind of
     * file in refusals: "a kyc document", "an image"), stored for {@code holder}, recorded by {@code record}.
     */
    public <R> R store(MultipartFile upload, UploadRules.Rule rule, String what, DocumentFiles.Holder holder,
                       UserId sealFor, BiFunction<Checked, StoredFile, R> record) {
        Path temp = null;
        try {
            temp = Files.createTempFile("alter8-upload-", ".bin");
            Checked checked = check(upload, rule, what, temp);
            StoredFile stored = files.store(holder, temp, checked.fileName(), checked.mediaType(),
                                            checked.sha256(), sealFor);
            R answer;
            try {
                answer = record.apply(checked, stored);
            } catch (RuntimeException refused) {
                files.delete(stored.fileId());
                throw refused;
            }
            files.settle(stored.fileId());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private Checked check(MultipartFile upload, UploadRules.Rule rule, String what, Path temp) throws IOException {
        if (upload == null || upload.isEmpty()) {
            throw ApiException.badInput("file", "is empty");
        }
        long max = rule.maxSize().toBytes();
        if (upload.getSize() > max) {
            throw new ApiException(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                                               what + " may be at most " + max + " bytes"));
        }
        String sha256 = copyAndDigest(upload, temp);
        String detected = inspector.mediaType(temp);
        if (!rule.mediaTypes().contains(detected)) {
            throw new ApiException(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type-not-allowed",
                                               "Media type not allowed", "the file is " + detected + "; "
                                                       + what + " is one of "
                                                       + String.join(", ", rule.mediaTypes().stream().sorted()
                                                                               .toList())));
        }
        String declared = ContentInspector.baseType(upload.getContentType());
        if (declared != null && !declared.equals("application/octet-stream") && !declared.equals(detected)) {
            throw ApiException.badInput("file", "is declared " + declared + " but its content is " + detected);
        }
        return new Checked(temp, fileName(upload.getOriginalFilename()), detected, sha256);
    }

    private static String copyAndDigest(MultipartFile upload, Path temp) throws IOException {
        return copyAndDigest(upload.getInputStream(), temp);
    }

    /** Copies {@code content} to {@code target}, answering the SHA-256 of the bytes (hex), as a file records it. */
    public static String copyAndDigest(InputStream content, Path target) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The name without any path a client put in it, and without control characters; "upload" when none is left. */
    static String fileName(String given) {
        if (given == null) {
            return "upload";
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                           .replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        return name.isEmpty() ? "upload" : name;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A temporary file; the OS cleans its temporary directory.
        }
    }
}
