package io.alter8.command.auth;

import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.alter8.web.security.AccountStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Tells the query side that sessions ended, through Redis, before the session rows change: an access token of such a
 * session is refused there from the next request on. Each mark lives as long as an access token may (plus a minute of
 * clock skew). If Redis cannot take the mark, the revocation fails (503) rather than end the session on one side only.
 */
@Component
class SessionRevocations {

    private static final Duration SKEW = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;
    private final Duration markLife;

    SessionRevocations(StringRedisTemplate redis, AuthSettings settings) {
        this.redis = redis;
        this.markLife = settings.accessTokenTtl().plus(SKEW);
    }

    void mark(Collection<UUID> sessionIds) {
        try {
            for (UUID id : sessionIds) {
                redis.opsForValue().set(AccountStatus.revokedSessionKey(id), "1", markLife);
            }
        } catch (DataAccessException e) {
            throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "revocation-unavailable",
                                               "Sessions not ended",
                                               "the session could not be ended on every service; try again"))
                    .withHeader("Retry-After", "1");
        }
    }
}
