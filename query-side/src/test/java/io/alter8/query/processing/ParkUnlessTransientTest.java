package io.alter8.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParkUnlessTransientTest {

    private final ParkUnlessTransient policy = new ParkUnlessTransient();
    private final DeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("aggregate-1", GenericEventMessage.asEventMessage("event"));

    @Test
    void anEventTheStoreRefusesIsParkedWithTheDatabasesOwnMessageNotTheSql() {
        SQLException database = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        Exception failure = new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [INSERT INTO property_listing (title) VALUES (?)]", database);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(cause.getMessage()).contains("0x00").doesNotContain("INSERT");
        });
    }

    @Test
    void anUnreachableStoreIsNotTheEventsFaultAndFailsTheBatchToBeRetried() {
        Exception failure = new RedisConnectionFailureException("Unable to connect to Redis");

        assertThatThrownBy(() -> policy.decide(letter, failure))
                .isInstanceOf(ParkUnlessTransient.TransientFailure.class).hasCause(failure);
    }

    @Test
    void aFailureOfUnknownKindIsParked() {
        Exception failure = new UncategorizedSQLException("update", "UPDATE x", new SQLException("boom"));

        assertThat(policy.decide(letter, failure).shouldEnqueue()).isTrue();
    }
}
