package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim / complete / release life of an Idempotency-Key on the real database. */
@CommandSideTest
class IdempotencyStoreTest {

    @Autowired
    IdempotencyStore store;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID principal = UUID.randomUUID();

    @Test
    void aKeyCanBeClaimedOnceUntilItIsReleased() {
        assertThat(store.claim(principal, "k1", "hash-a")).isTrue();
        assertThat(store.claim(principal, "k1", "hash-a")).isFalse();
        assertThat(store.find(principal, "k1")).hasValueSatisfying(r -> assertThat(r.completed()).isFalse());

        store.release(principal, "k1");

        assertThat(store.find(principal, "k1")).isEmpty();
        assertThat(store.claim(principal, "k1", "hash-a")).isTrue();
    }

    @Test
    void keysBelongToTheirPrincipal() {
        assertThat(store.claim(principal, "shared-key", "hash-a")).isTrue();
        assertThat(store.claim(UUID.randomUUID(), "shared-key", "hash-b")).isTrue();
    }

    @Test
    void aCompletedAnswerIsKeptAndNotReleased() {
        store.claim(principal, "k2", "hash-a");
        store.complete(principal, "k2", 201, "application/json", "http://q/api/properties/1", "\"0\"",
                       "{\"id\":\"1\"}".getBytes());
        store.release(principal, "k2");

        assertThat(store.find(principal, "k2")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.location()).isEqualTo("http://q/api/properties/1");
            assertThat(new String(r.body())).isEqualTo("{\"id\":\"1\"}");
        });
    }

    @Test
    void anAbandonedClaimIsTakenOverByTheSameRequestOnly() {
        store.claim(principal, "k3", "hash-a");
        jdbc.update("UPDATE idempotency_record SET created_at = now() - interval '2 minutes' "
                            + "WHERE user_id = ? AND idempotency_key = 'k3'", principal);

        assertThat(store.claim(principal, "k3", "hash-b")).isFalse();
        assertThat(store.claim(principal, "k3", "hash-a")).isTrue();
    }

    @Test
    void answersAreForgottenAfterTheRetention() {
        store.claim(principal, "old", "hash-a");
        store.complete(principal, "old", 201, null, null, null, null);
        store.claim(principal, "new", "hash-a");
        jdbc.update("UPDATE idempotency_record SET created_at = now() - interval '25 hours' "
                            + "WHERE user_id = ? AND idempotency_key = 'old'", principal);

        new IdempotencyStore(jdbc, Duration.ofHours(24)).forgetExpired();

        assertThat(store.find(principal, "old")).isEmpty();
        assertThat(store.find(principal, "new")).isPresent();
    }

    @Test
    void anAnswerCarryingATokenOrSecretIsNotKeptAndTheKeyIsFreeAgain() {
        store.claim(principal, "k4", "hash-a");

        boolean kept = store.complete(principal, "k4", 200, "application/json", null, null,
                                      "{\"accessToken\": \"eyJ…\", \"tokenType\": \"Bearer\"}".getBytes());
        store.release(principal, "k4");

        assertThat(kept).isFalse();
        assertThat(store.find(principal, "k4")).isEmpty();
        assertThat(IdempotencyStore.carriesSecrets("{\"refresh_token\":\"x\"}".getBytes())).isTrue();
        assertThat(IdempotencyStore.carriesSecrets("{\"newPassword\" : \"x\"}".getBytes())).isTrue();
        assertThat(IdempotencyStore.carriesSecrets("{\"id\":\"1\",\"footprint\":2}".getBytes())).isFalse();
    }
}
