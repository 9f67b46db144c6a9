package io.alter8.command;

import io.alter8.command.auth.SentMessages;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls per user and endpoint are counted in Redis (key rate_limit:api:{user}:{endpoint}); past the limit 429.
 * Login, sign-up and codes count per client address whatever token is sent, and per account aimed at.
 */
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
    ApiClient anonymous() {
        return new ApiClient("http://localhost:" + port);
    }

    String login(String login) {
        return "{\"login\": \"" + login + "\", \"password\": \"a wrong password\"}";
    }

    @Test
    void aValidTokenBuysNoFreshLoginAllowanceFromOneAddress() {
        ApiClient attacker = anonymous();
        for (int i = 0; i < 60; i++) {
            // A token of some account, a new one every time: before, each reset the count.
            ApiClient withToken = attacker.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
            assertThat(withToken.post("/api/auth/login", login("spray-" + i + "@example.com")).status())
                    .isEqualTo(401);
        }
        Response limited = attacker.withToken(TestTokens.mint(UUID.randomUUID(), "owner"))
                                   .post("/api/auth/login", login("spray-60@example.com"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("type").asString()).isEqualTo("https://alter8.io/problems/rate-limited");
        assertThat(anonymous().post("/api/auth/login", login("spray-61@example.com")).status())
                .as("another address").isEqualTo(401);
    }

    @Test
    void oneAccountIsLimitedFromEveryAddressAndAnUnknownOneAlike() {
        String real = TestUsers.register(anonymous(), "tenant", "a long enough password").email();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (String target : List.of(real, unknown)) {
            for (int i = 0; i < 20; i++) {
                assertThat(anonymous().post("/api/auth/login", login(target)).status()).isEqualTo(401);
            }
        }
        Response realLimited = anonymous().post("/api/auth/login", login(real));
        Response unknownLimited = anonymous().post("/api/auth/login", login(unknown));

        assertThat(realLimited.status()).isEqualTo(429);
        assertThat(unknownLimited.status()).isEqualTo(429);
        assertThat(realLimited.body()).isEqualTo(unknownLimited.body());
        assertThat(redis.keys("rate_limit:target:login:*")).noneMatch(key -> key.contains(real));
    }

    @Test
    void signUpsFromOneAddressAreLimitedPerHourWhateverTokenIsSent() {
        ApiClient attacker = anonymous();
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.post("/api/auth/register", signUp()).status()).isEqualTo(202);
        }
        Response limited = attacker.post("/api/auth/register", signUp());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(attacker.withToken(TestTokens.mint(UUID.randomUUID(), "owner"))
                           .post("/api/auth/register", signUp()).status()).isEqualTo(429);
        assertThat(anonymous().post("/api/auth/register", signUp()).status()).as("another address").isEqualTo(202);
    }

    private static String signUp() {
        return """
                {"email": "bulk-%s@example.com", "phone": "+919%09d", "firstName": "Bot", "lastName": "Farm",
                 "role": "owner", "country": "IN", "password": "a long enough password"}"""
                .formatted(UUID.randomUUID(), java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    @Test
    void pastTheSmsCeilingNoSmsIsSentToAnyone() {
        TestUsers.User user = TestUsers.register(anonymous(), "owner", "a long enough password");
        String token = anonymous().post("/api/auth/login", "{\"login\": \"" + user.email()
                + "\", \"password\": \"a long enough password\"}").json().path("accessToken").asString();
        String ceiling = redis.keys("rate_limit:target:sms:*").stream().findFirst().orElseThrow();
        long sent = Long.parseLong(redis.opsForValue().get(ceiling));
        redis.opsForValue().set(ceiling, "2000", java.time.Duration.ofMinutes(5));
        try {
            Response refused = anonymous().withToken(token)
                                          .post("/api/auth/otp/request", "{\"purpose\": \"phone_verification\"}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(SentMessages.to(user.phone())).hasSize(1);
        } finally {
            redis.opsForValue().set(ceiling, Long.toString(sent), java.time.Duration.ofMinutes(5));
        }
        assertThat(anonymous().withToken(token).post("/api/auth/otp/request", "{\"purpose\": \"phone_verification\"}")
                              .status()).isEqualTo(202);
    }
}
