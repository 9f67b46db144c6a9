package io.alter8.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Caps request bodies ({@link BodyLimits}) without reading an oversize one: a declared {@code Content-Length} over the
 * cap is refused at once; a body without one (chunked) is counted as it is read, and reading past the cap fails with
 * {@link BodyTooLarge}, which becomes the same 413 here or in {@link ApiExceptionHandler}.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    /** Reading went past the cap; an {@link IOException}, as any failure of the body stream. */
    static final class BodyTooLarge extends IOException {

        final long limit;

        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final BodyLimits limits;
    private final JsonMapper json;

    BodyLimitFilter(BodyLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    static ProblemDetail tooLarge(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                           "the request body may be at most " + limit + " bytes");
    }

    /** The {@link BodyTooLarge} among a failure's causes, if reading the body is what failed. */
    static BodyTooLarge find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.bytesFor(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new Capped(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            BodyTooLarge tooLarge = find(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response, tooLarge.limit);
        }
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        // The rest of the body is not read here: Tomcat discards what is left (up to server.tomcat.max-swallow-size,
        // then it closes the connection).
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(tooLarge(limit)));
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
