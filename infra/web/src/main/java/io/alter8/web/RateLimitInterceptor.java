package io.alter8.web;

import io.alter8.web.security.CurrentUser;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each caller's calls per endpoint ({@link RateLimiter}) and answers 429 with {@code Retry-After} past the
 * limit. Callers are users (from the token) or, before login, client addresses; the endpoints of
 * {@link RateLimits#perAddress()} always count per client address, so that no token buys a fresh allowance there.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

    private static final Map<String, String> ENDPOINT_NAMES = new ConcurrentHashMap<>();

    private final RateLimiter limiter;

    public RateLimitInterceptor(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        RateLimits limits = limiter.limits();
        // An async request (a live stream) is dispatched again when it ends: the same call, counted once.
        if (!limits.enabled() || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return true;
        }
        count(request, response, endpointName(request.getMethod(), pattern.toString()), true);
        return true;
    }

    /**
     * Counts one use of {@code resource} by this request's caller beside the call itself (a wait for a read model,
     * say), against the limit {@code alter8.rate-limits.per-endpoint.<resource>}: 429 past it.
     */
    public void charge(HttpServletRequest request, HttpServletResponse response, String resource) {
        if (limiter.limits().enabled()) {
            count(request, response, resource, false);
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response, String endpoint,
                       boolean showRemaining) {
        RateLimits limits = limiter.limits();
        String address = "ip:" + RequestContext.clientIp(request);
        String caller = limits.perAddress().contains(endpoint)
                ? address : CurrentUser.get().map(u -> u.id().toString()).orElse(address);
        int limit = limits.limitOf(endpoint);
        RateLimiter.Count count = limiter.count("rate_limit:api:" + caller + ":" + endpoint, limit);
        if (count == null) {
            return;
        }
        if (showRemaining) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
            response.setHeader("X-RateLimit-Remaining", Long.toString(count.remaining()));
        }
        if (count.exceeded()) {
            throw RateLimiter.tooMany(count, "at most " + limit + " calls to this endpoint per "
                    + limits.window().toMinutes() + " minutes; retry later");
        }
    }

    /** {@code POST /api/properties/{id}/monthly-rent} → {@code post_api_properties_id_monthly_rent}. */
    static String endpointName(String method, String pattern) {
        // Routes are few and fixed: the regular expressions run once per route, not once per call.
        return ENDPOINT_NAMES.computeIfAbsent(method + " " + pattern, key -> nameOf(method, pattern));
    }

    private static String nameOf(String method, String pattern) {
        String route = pattern.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        return (method + "_" + route).toLowerCase(Locale.ROOT);
    }
}
