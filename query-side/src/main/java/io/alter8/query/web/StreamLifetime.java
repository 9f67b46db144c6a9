package io.alter8.query.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a Server-Sent Event stream may stay open: until the access token it was opened with expires, and at most
 * a stream's own limit. A stream outliving its token would keep serving a caller whose access ended.
 */
public final class StreamLifetime {

    private StreamLifetime() {
    }

    /** The expiry of the current request's access token; null when the caller did not authenticate with one. */
    public static Instant tokenExpiry() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? token.getToken().getExpiresAt() : null;
    }

    /** Milliseconds from now until {@code tokenExpiresAt} (none: no limit of its own), at most {@code max}; 1 or more. */
    public static long millis(Clock clock, Instant tokenExpiresAt, Duration max) {
        Duration untilExpiry = Duration.between(clock.instant(), tokenExpiresAt == null ? Instant.MAX
                : tokenExpiresAt);
        Duration life = untilExpiry.compareTo(max) < 0 ? untilExpiry : max;
        return Math.max(1, life.toMillis());
    }
}
