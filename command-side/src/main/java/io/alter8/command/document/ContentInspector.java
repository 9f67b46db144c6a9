package io.alter8.command.document;

import io.alter8.api.document.SearchWords;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Looks into an upload with Apache Tika: its media type from the bytes alone (magic numbers, and the container of
 * office files), never from its name or what the client declared; and the words of its text (PDF and office files).
 */
@Component
class ContentInspector {

    private static final Logger log = LoggerFactory.getLogger(ContentInspector.class);
    /** Text beyond this is not searched: the first pages say what a document is. */
    private static final int MAX_TEXT = 1_000_000;
    private static final Set<String> WITH_TEXT = Set.of(UploadRules.PDF, UploadRules.DOCX, UploadRules.DOC,
                                                        UploadRules.XLSX);

    private final Tika tika = new Tika();

    ContentInspector() {
        tika.setMaxStringLength(MAX_TEXT);
    }

    /** The media type of the bytes in {@code file}, without parameters ({@code application/pdf}). */
    String mediaType(Path file) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return tika.getDetector().detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search words of a file of {@code mediaType}; none for images, and none for a file whose text cannot be
     * read (it was accepted by its type; only search misses it).
     */
    List<String> words(Path file, String mediaType) {
        if (!hasText(mediaType)) {
            return List.of();
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            Metadata metadata = new Metadata();
            metadata.set(Metadata.CONTENT_TYPE, mediaType);
            return SearchWords.of(tika.parseToString(in, metadata));
        } catch (IOException | TikaException | RuntimeException e) {
            log.info("The text of an upload ({}) could not be read: {}", mediaType, e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Whether files of {@code mediaType} have text to search (PDF and office files). */
    static boolean hasText(String mediaType) {
        return WITH_TEXT.contains(mediaType);
    }

    static String baseType(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        MediaType parsed = MediaType.parse(declared);
        return parsed == null ? null : parsed.getBaseType().toString();
    }
}
