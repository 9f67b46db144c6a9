package io.alter8.web;

import io.alter8.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each caller's calls per endpoint in Redis and answers 429 with {@code Retry-After} past the limit.
 * Callers are users (from the token) or, before login, client addresses. The window is fixed: the first call
 * starts it, the key expires with it. When Redis is unreachable the call goes through: Redis is a cache and a
 * messenger here, and losing it must not take the API down.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RateLimitInterceptor.class);

    /** Count and (on the first call of a window) set the expiry in one round trip; answers {count, ttl ms}. */
    private static final DefaultRedisScript<List> COUNT = new DefaultRedisScript<>("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}""", List.class);

    private static final Map<String, String> ENDPOINT_NAMES = new ConcurrentHashMap<>();

    private final StringRedisTemplate redis;
    private final RateLimits limits;

    public RateLimitInterceptor(StringRedisTemplate redis, RateLimits limits) {
        this.redis = redis;
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!limits.enabled()) {
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
        if (limits.enabled()) {
            count(request, response, resource, false);
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response, String endpoint,
                       boolean showRemaining) {
        String caller = CurrentUser.get().map(u -> u.id().toString())
                                   .orElse("ip:" + RequestContext.clientIp(request));
        int limit = limits.limitOf(endpoint);
        List<?> answer;
        try {
            answer = redis.execute(COUNT, List.of("rate_limit:api:" + caller + ":" + endpoint),
                                   Long.toString(limits.window().toMillis()));
        } catch (RedisConnectionFailureException e) {
            log.warn("Rate limits not counted: Redis is unreachable ({})", e.getMessage());
            return;
        }
        long count = ((Number) answer.get(0)).longValue();
        long ttlMillis = Math.max(0, ((Number) answer.get(1)).longValue());
        if (showRemaining) {
            response.setHeader("X-RateLimit-Limit", Integer.toString(limit));
            response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, limit - count)));
        }
        if (count > limit) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (ttlMillis + 999) / 1000)));
            throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                                               "at most " + limit + " calls to this endpoint per "
                                                       + limits.window().toMinutes() + " minutes; retry later"));
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
