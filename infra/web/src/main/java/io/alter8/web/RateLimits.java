package io.alter8.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * API rate limits (key {@code rate_limit:api:{user_id}:{endpoint}}, counted per hour): how many calls one caller
 * may make to one endpoint in a window. Endpoints are named by method and route ({@code post_api_properties});
 * {@code perEndpoint} overrides the default for some.
 */
@ConfigurationProperties("alter8.rate-limits")
public record RateLimits(boolean enabled, Duration window, int defaultLimit, Map<String, Integer> perEndpoint) {

    public RateLimits {
        window = window == null ? Duration.ofHours(1) : window;
        defaultLimit = defaultLimit <= 0 ? 10_000 : defaultLimit;
        perEndpoint = perEndpoint == null ? Map.of() : Map.copyOf(perEndpoint);
    }

    int limitOf(String endpoint) {
        return perEndpoint.getOrDefault(endpoint, defaultLimit);
    }
}
