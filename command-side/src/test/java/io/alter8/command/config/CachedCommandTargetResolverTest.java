package io.alter8.command.config;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The cached resolver finds what Axon's own finds, for every shape of command, and refuses what Axon's refuses. */
class CachedCommandTargetResolverTest {

    final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();
    final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void aRecordCommandNamesItsAggregateAndTheVersionItExpects() {
        PropertyId property = PropertyId.random();
        Actor by = new Actor(new UserId(UUID.randomUUID()), Role.OWNER);
        CommandMessage<?> atVersion = command(new ChangeMonthlyRent(property, Money.of("100.00", "INR"),
                                                                    by, 3L));
        CommandMessage<?> anyVersion = command(new ChangeMonthlyRent(property, Money.of("100.00", "INR"), by, null));

        assertThat(target(atVersion)).isEqualTo(new VersionedAggregateIdentifier(property, 3L));
        assertThat(target(anyVersion)).isEqualTo(new VersionedAggregateIdentifier(property, null));
        // The second command of a class is answered from what the first found.
        assertThat(target(atVersion)).isEqualTo(target(atVersion));
    }

    @Test
    void fieldsOfAClassAndAVersionGivenAsTextAreReadToo() {
        CommandMessage<?> message = command(new FieldCommand("lease-7", "12"));

        assertThat(target(message)).isEqualTo(new VersionedAggregateIdentifier("lease-7", 12L));
    }

    @Test
    void aCommandWithoutItsAggregateIsRefusedAsAxonRefusesIt() {
        CommandMessage<?> nullId = command(new FieldCommand(null, null));
        CommandMessage<?> noId = command(new NoTarget("x"));
        CommandMessage<?> badVersion = command(new FieldCommand("lease-7", "seven"));

        for (CommandMessage<?> refused : new CommandMessage<?>[]{nullId, noId, badVersion}) {
            Throwable expected = catchThrowable(() -> axon.resolveTarget(refused));
            assertThat(expected).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(refused)).isInstanceOf(IllegalArgumentException.class)
                                                                   .hasMessage(expected.getMessage());
        }
    }

    private VersionedAggregateIdentifier target(CommandMessage<?> message) {
        VersionedAggregateIdentifier answer = cached.resolveTarget(message);
        assertThat(answer).as("what Axon's resolver answers").isEqualTo(axon.resolveTarget(message));
        return answer;
    }

    private static CommandMessage<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    static final class FieldCommand {

        @TargetAggregateIdentifier
        private final String leaseId;
        @TargetAggregateVersion
        private final String version;

        FieldCommand(String leaseId, String version) {
            this.leaseId = leaseId;
            this.version = version;
        }
    }

    record NoTarget(String what) {
    }
}
