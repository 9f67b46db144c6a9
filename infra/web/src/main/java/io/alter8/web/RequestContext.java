package io.alter8.web;

import jakarta.servlet.http.HttpServletRequest;

/** Facts about the current HTTP request that travel with commands as metadata. */
public final class RequestContext {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String CORRELATION_ID_ATTRIBUTE = RequestContext.class.getName() + ".correlationId";

    private RequestContext() {
    }

    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(CORRELATION_ID_ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /**
     * The client's address. Behind a proxy, {@code server.forward-headers-strategy=framework} makes the servlet
     * report the forwarded address; forwarded headers are not trusted otherwise.
     */
    public static String clientIp(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    public static String idempotencyKey(HttpServletRequest request) {
        return request.getHeader(IDEMPOTENCY_KEY_HEADER);
    }
}
