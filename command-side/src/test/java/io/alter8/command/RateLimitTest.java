package io.alter8.command;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls per user and endpoint are counted in Redis (key rate_limit:api:{user}:{endpoint}); past the limit 429. */
@CommandSideTest
class RateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void pastTheLimitACallerGets429WithRetryAfterWhileOthersGoOn() {
        UUID user = UUID.randomUUID();
        ApiClient me = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, "owner"));
        String path = "/api/auth/sessions/" + UUID.randomUUID();

        Response first = me.delete(path);
        assertThat(first.status()).isEqualTo(404);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(me.delete(path).status()).isEqualTo(404);

        Response limited = me.delete(path);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).hasValue("application/problem+json");
        assertThat(limited.json().path("type").asString()).isEqualTo("https://alter8.io/problems/rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(redis.getExpire("rate_limit:api:" + user + ":delete_api_auth_sessions_id")).isPositive();

        ApiClient someoneElse = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        assertThat(someoneElse.delete(path).status()).isEqualTo(404);
    }
}
