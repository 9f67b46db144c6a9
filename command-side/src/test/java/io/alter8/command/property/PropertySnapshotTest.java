package io.alter8.command.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.AddUnit;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.ReviewProperty;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A property whose stream passed the snapshot threshold is restored from its snapshot (its state serialized with the
 * project's Jackson 3 format, @AggregateMember entities included) and decides every command exactly as the same
 * property rebuilt from all its events. Each probe runs twice in a transaction that is rolled back: once with the
 * events before the snapshot deleted, so that only the snapshot can have supplied that state, and once with the
 * snapshot deleted, so that the events supply it.
 */
@CommandSideTest
class PropertySnapshotTest {

    private static final int THRESHOLD = 100;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway gateway;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPropertyRestoredFromItsSnapshotAnswersCommandsAsOneRebuiltFromEvents() {
        UUID ownerId = UUID.randomUUID();
        ApiClient owner = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(ownerId, "owner"));
        Response registered = owner.post("/api/properties", PropertyBodies.building(null, "Beacon snapshot"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        PropertyId id = new PropertyId(UUID.fromString(registered.json().path("id").asString()));
        List<UnitId> units = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::json ->> 'unitId' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'io.alter8.api.property.UnitAdded'
                ORDER BY sequence_number""", String.class, id.toString())
                                 .stream().map(u -> new UnitId(UUID.fromString(u))).toList();
        assertThat(units).hasSize(2);
        Response activated = owner.put("/api/properties/" + id + "/status", "{\"status\": \"active\"}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        // State in every member: a tenant who may review, a review, an occupied unit, a changed rent.
        UserId tenant = new UserId(UUID.randomUUID());
        gateway.sendAndWait(new OccupyUnit(id, units.get(0), LeaseId.random(), List.of(tenant)));
        gateway.sendAndWait(new ReviewProperty(id, 4, "Quiet street", new Actor(tenant, Role.TENANT), null));
        Actor by = new Actor(new UserId(ownerId), Role.OWNER);
        for (int i = 0; i < THRESHOLD + 10; i++) {
            gateway.sendAndWait(new ChangeMonthlyRent(id, usd(2400 + i % 2 + 1), by, null));
        }
        await("a snapshot of " + id).atMost(Duration.ofSeconds(20))
                                    .until(() -> snapshotSequence(id) != null);
        long snapshotAt = snapshotSequence(id);
        assertThat(snapshotAt).isGreaterThanOrEqualTo(THRESHOLD - 1);
        long version = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                                                   + "WHERE aggregate_identifier = ?", Long.class, id.toString());
        Money rentNow = usd(2400 + (THRESHOLD + 9) % 2 + 1);

        Map<String, Object> probes = new LinkedHashMap<>();
        probes.put("the same rent again is already satisfied", new ChangeMonthlyRent(id, rentNow, by, null));
        probes.put("another rent appends at the next version", new ChangeMonthlyRent(id, usd(3000), by, version));
        probes.put("a stale expected version is refused", new ChangeMonthlyRent(id, usd(3100), by, version - 1));
        probes.put("a rent in another currency is refused",
                   new ChangeMonthlyRent(id, new Money(new BigDecimal("2500.00"), "INR"), by, null));
        probes.put("someone else is not the owner",
                   new ChangeMonthlyRent(id, usd(3200), new Actor(new UserId(UUID.randomUUID()), Role.OWNER), null));
        probes.put("the occupied unit cannot be let again",
                   new OccupyUnit(id, units.get(0), LeaseId.random(), List.of(new UserId(UUID.randomUUID()))));
        probes.put("the free unit can be let", new OccupyUnit(id, units.get(1), LeaseId.random(), List.of(tenant)));
        probes.put("the tenant reviews again",
                   new ReviewProperty(id, 5, "Better now", new Actor(tenant, Role.TENANT), null));
        probes.put("the same review again is already satisfied",
                   new ReviewProperty(id, 4, "Quiet street", new Actor(tenant, Role.TENANT), null));
        probes.put("a stranger may not review",
                   new ReviewProperty(id, 1, null, new Actor(new UserId(UUID.randomUUID()), Role.TENANT), null));
        probes.put("a unit number already taken is refused",
                   new AddUnit(id, UnitId.random(), new UnitSpec("1A", 1, BigDecimal.ONE, null, usd(1000), null, null),
                               by, null));

        probes.forEach((name, command) -> {
            String fromSnapshot = answerRolledBack(command, id, version, () -> jdbc.update(
                    "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?",
                    id.toString(), snapshotAt));
            String fromEvents = answerRolledBack(command, id, version, () -> jdbc.update(
                    "DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", id.toString()));
            assertThat(fromSnapshot).as(name).isEqualTo(fromEvents);
        });
        // The probes were decided, not all alike: some appended events, some changed nothing, some were refused.
        assertThat(answerRolledBack(probes.get("another rent appends at the next version"), id, version, () -> { }))
                .startsWith("appended [" + (version + 1) + " io.alter8.api.property.MonthlyRentChanged {");
        assertThat(answerRolledBack(probes.get("the free unit can be let"), id, version, () -> { }))
                .contains("io.alter8.api.property.UnitOccupied");
        assertThat(answerRolledBack(probes.get("the same review again is already satisfied"), id, version, () -> { }))
                .isEqualTo("appended []");
        assertThat(answerRolledBack(probes.get("a stranger may not review"), id, version, () -> { }))
                .startsWith("refused");
    }

    /**
     * The events {@code command} appends after {@code prepare}, or its refusal, in a transaction that is then rolled
     * back (Axon's unit of work joins it).
     */
    private String answerRolledBack(Object command, PropertyId id, long version, Runnable prepare) {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        try {
            return rolledBack.execute(tx -> {
                tx.setRollbackOnly();
                prepare.run();
                gateway.sendAndWait(command);
                return "appended " + jdbc.queryForList(
                        "SELECT sequence_number || ' ' || payload_type || ' ' || convert_from(payload, 'UTF8') "
                                + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number > ? "
                                + "ORDER BY sequence_number", String.class, id.toString(), version);
            });
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
            return "refused: " + cause.getClass().getSimpleName() + " " + cause.getMessage();
        }
    }

    private Long snapshotSequence(PropertyId id) {
        return jdbc.query("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                          rs -> rs.next() ? (Long) rs.getObject(1) : null, id.toString());
    }

    private static Money usd(int amount) {
        return new Money(BigDecimal.valueOf(amount).setScale(2), "USD");
    }
}
