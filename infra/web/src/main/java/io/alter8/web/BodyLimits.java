package io.alter8.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

import java.util.Map;

/**
 * How large a request body may be: {@code max} for every route, or the size given for one path (a route that takes
 * many records at once). Larger bodies are refused with 413 before they are read.
 *
 * @param max     the cap of every route (default 1 MB)
 * @param perPath caps of single paths, e.g. {@code alter8.web.body-limits.per-path.[/api/admin/property-imports]=8MB};
 *                a path may have {@code *} for one segment ({@code /api/documents/*}{@code /versions})
 */
@ConfigurationProperties("alter8.web.body-limits")
public record BodyLimits(DataSize max, Map<String, DataSize> perPath) {

    public BodyLimits {
        max = max == null ? DataSize.ofMegabytes(1) : max;
        perPath = perPath == null ? Map.of() : Map.copyOf(perPath);
    }

    long bytesFor(String path) {
        DataSize exact = perPath.get(path);
        if (exact != null) {
            return exact.toBytes();
        }
        return perPath.entrySet().stream().filter(e -> e.getKey().contains("*") && PATHS.match(e.getKey(), path))
                      .findFirst().map(Map.Entry::getValue).orElse(max).toBytes();
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();
}
