package io.alter8.command.web;

import io.alter8.web.Problems;
import io.alter8.web.RequestContext;
import io.alter8.web.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a command (docs/api.md): the same key with the same request answers the first answer
 * again and stores nothing new; the same key with another request is a 422; a key whose first request is still
 * running is a 409. Server errors are not remembered, so the client may retry them with the same key.
 * <p>
 * Keys belong to the authenticated user: another user's same key and body run afresh, as a request of their own.
 * Anonymous calls and the {@code /api/auth} routes ignore the header: their answers carry tokens and codes that
 * must not be handed out again, and a refresh token presented twice must reach reuse detection.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SANE_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The routes whose answers carry tokens and codes: no replay there (the API docs say so too). */
    public static final String AUTH_ROUTES = "/api/auth/";

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Runs after Spring Security's chain (default filter order), so the caller is known here. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod())
                || request.getHeader(RequestContext.IDEMPOTENCY_KEY_HEADER) == null
                || request.getRequestURI().startsWith(AUTH_ROUTES)
                // A file upload is not held in memory to be compared and replayed; its own id makes it safe to
                // retry (the same id again is refused, and that retry's bytes deleted).
                || MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType(request))
                || CurrentUser.get().isEmpty();
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return null;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(RequestContext.IDEMPOTENCY_KEY_HEADER);
        if (!SANE_KEY.matcher(key).matches()) {
            write(response, Problems.invalidInput(java.util.List.of(new io.alter8.web.FieldError(
                    RequestContext.IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        UUID user = CurrentUser.require().id();

        if (!store.claim(user, key, hash)) {
            answerFromRecord(store.find(user, key), hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            int status = captured.getStatus();
            if (status < 500) {
                completed = store.complete(user, key, status, captured.getContentType(),
                                           captured.getHeader(HttpHeaders.LOCATION),
                                           captured.getHeader(HttpHeaders.ETAG), captured.getContentAsByteArray());
            }
        } finally {
            if (!completed) {
                store.release(user, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerFromRecord(Optional<IdempotencyStore.Record> found, String hash, HttpServletResponse response)
            throws IOException {
        if (found.isEmpty()) {
            // Released between our claim and our read: the first request failed; let the client retry.
            writeRetry(response, "the first request with this key failed; retry");
            return;
        }
        IdempotencyStore.Record record = found.get();
        if (!record.requestHash().equals(hash)) {
            write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                                        "Idempotency key reused",
                                        "this Idempotency-Key was used for a different request"));
            return;
        }
        if (!record.completed()) {
            writeRetry(response, "a request with this Idempotency-Key is still being handled");
            return;
        }
        response.setStatus(record.status());
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location());
        }
        if (record.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, record.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (record.body() != null) {
            response.getOutputStream().write(record.body());
        }
    }

    private void writeRetry(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-use", "Request in progress", detail));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + ' ' + request.getRequestURI() + '?'
                    + Optional.ofNullable(request.getQueryString()).orElse("") + '\n'
                    + Optional.ofNullable(request.getHeader(HttpHeaders.IF_MATCH)).orElse("") + '\n';
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read a body the filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
