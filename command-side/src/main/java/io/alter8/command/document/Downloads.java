package io.alter8.command.document;

import io.alter8.api.document.StoredFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stored file answered over HTTP, streamed: its detected media type, its name, its checksum, never cached by
 * shared caches and never sniffed into another type. The one way documents and property media are served.
 */
@Component
public class Downloads {

    private final DocumentFiles files;

    Downloads(DocumentFiles files) {
        this.files = files;
    }

    /** {@code inline} for what a page shows (a photo), else an attachment to save. */
    public ResponseEntity<StreamingResponseBody> serve(StoredFile file, boolean inline) {
        InputStream content = files.open(file);
        StreamingResponseBody body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(file.mediaType()))
                             .header(HttpHeaders.CONTENT_DISPOSITION, disposition
                                     .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                             .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                             .header("X-Content-Type-Options", "nosniff")
                             .header("X-Checksum-SHA256", file.sha256())
                             .contentLength(file.size())
                             .body(body);
    }
}
