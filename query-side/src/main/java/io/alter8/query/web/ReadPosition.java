package io.alter8.query.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.OptionalLong;

/** The position the current request awaited ({@code X-Await-Position}), for caches that must not answer older data. */
public final class ReadPosition {

    static final String AWAITED = ReadPosition.class.getName() + ".awaited";

    private ReadPosition() {
    }

    public static OptionalLong awaited() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object awaited = request == null ? null : request.getAttribute(AWAITED, RequestAttributes.SCOPE_REQUEST);
        return awaited instanceof Long position ? OptionalLong.of(position) : OptionalLong.empty();
    }
}
