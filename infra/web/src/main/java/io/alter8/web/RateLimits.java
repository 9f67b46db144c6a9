package io.alter8.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * API rate limits (key {@code rate_limit:api:{user_id}:{endpoint}}, counted per hour): how many calls one caller
 * may make to one endpoint in a window. Endpoints are named by method and route ({@code post_api_properties});
 * {@code perEndpoint} overrides the default for some.
 *
 * @param perAddress endpoints counted per client address whatever token is sent (login, sign-up, codes): a valid
 *                   token of any account must not buy a fresh allowance there
 * @param perTarget  limits per account aimed at, by kind ({@code login}: per login name, {@code sms}: all SMS
 *                   together), counted by {@link RateLimiter#requireWithin} whoever calls and from wherever, so
 *                   that many addresses cannot spray one account; a kind not listed is not limited
 */
@ConfigurationProperties("alter8.rate-limits")
public record RateLimits(boolean enabled, Duration window, int defaultLimit, Map<String, Integer> perEndpoint,
                         Set<String> perAddress, Map<String, Integer> perTarget) {

    public RateLimits {
        window = window == null ? Duration.ofHours(1) : window;
        defaultLimit = defaultLimit <= 0 ? 10_000 : defaultLimit;
        perEndpoint = perEndpoint == null ? Map.of() : Map.copyOf(perEndpoint);
        perAddress = perAddress == null ? Set.of() : Set.copyOf(perAddress);
        perTarget = perTarget == null ? Map.of() : Map.copyOf(perTarget);
    }

    int limitOf(String endpoint) {
        return perEndpoint.getOrDefault(endpoint, defaultLimit);
    }
}
