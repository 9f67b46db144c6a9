package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.ConfirmLeaseActivation;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LapseRenewal;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.OpenRenewal;
import io.alter8.api.lease.RefuseLeaseActivation;
import io.alter8.api.property.HandOverUnit;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.VacateUnit;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leasing process's rules: the unit first, then the lease; a refused unit is compensated on the lease. */
class LeaseOccupancyTest {

    static final LeaseId LEASE = LeaseId.random();
    static final PropertyId PROPERTY = PropertyId.random();
    static final UnitId UNIT = UnitId.random();
    static final UserId OWNER = UserId.random();
    static final UserId TENANT = UserId.random();
    static final LeaseActivationRequested REQUESTED =
            new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(TENANT), OWNER);
    static final LeaseId RENEWAL = LeaseId.random();
    static final LeaseActivationRequested RENEWAL_REQUESTED =
            new LeaseActivationRequested(RENEWAL, PROPERTY, UNIT, List.of(TENANT), OWNER, LEASE);
    static final LeaseTerminated TERMINATED =
            new LeaseTerminated(LEASE, PROPERTY, UNIT, LocalDate.of(2026, 11, 22), "moving", null,
                                Money.of("0", "INR"), TENANT);

    SagaTestFixture<LeaseOccupancy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(LeaseOccupancy.class);
    }

    @Test
    void aRequestedActivationTakesTheUnitThenPutsTheLeaseIntoForce() {
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(REQUESTED)
               .expectDispatchedCommands(new OccupyUnit(PROPERTY, UNIT, LEASE, List.of(TENANT)),
                                         new ConfirmLeaseActivation(LEASE))
               .expectActiveSagas(0);
    }

    @Test
    void cannotActivateLeaseOnOccupiedUnit() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof OccupyUnit) {
                throw new DomainRuleViolation("unit-occupied", "the unit is occupied under another lease");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(REQUESTED)
               .expectDispatchedCommands(new OccupyUnit(PROPERTY, UNIT, LEASE, List.of(TENANT)),
                                         new RefuseLeaseActivation(LEASE, "unit-occupied",
                                                                   "the unit is occupied under another lease"))
               .expectActiveSagas(0);
    }

    @Test
    void aRefusalThatCrossedTheBusWithoutItsCodeIsStillCompensated() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof OccupyUnit) {
                throw new CommandExecutionException("the unit is occupied under another lease", null);
            }
            return null;
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(REQUESTED)
               .expectDispatchedCommands(new OccupyUnit(PROPERTY, UNIT, LEASE, List.of(TENANT)),
                                         new RefuseLeaseActivation(LEASE, "activation-refused",
                                                                   "the unit is occupied under another lease"));
    }

    @Test
    void aLeaseThatWillNotTakeTheUnitGivesItBack() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ConfirmLeaseActivation) {
                throw new DomainRuleViolation("activation-not-requested", "no activation of this lease is under way");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(REQUESTED)
               .expectDispatchedCommands(new OccupyUnit(PROPERTY, UNIT, LEASE, List.of(TENANT)),
                                         new ConfirmLeaseActivation(LEASE),
                                         new VacateUnit(PROPERTY, UNIT, LEASE));
    }

    /** A redelivery after the lease ended: the compensation meets a unit let to another lease since, and stops. */
    @Test
    void aLateRepeatWhoseUnitIsAnotherLeasesNowLeavesItAndDoesNotHoldUpTheProcess() {
        lateRepeatRefusedEverywhere();
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(REQUESTED)
               .expectDispatchedCommands(new OccupyUnit(PROPERTY, UNIT, LEASE, List.of(TENANT)),
                                         new ConfirmLeaseActivation(LEASE),
                                         new VacateUnit(PROPERTY, UNIT, LEASE));
        setUp();
        lateRepeatRefusedEverywhere();
        fixture.givenNoPriorActivity()
               .whenAggregate(RENEWAL.toString()).publishes(RENEWAL_REQUESTED)
               .expectDispatchedCommands(new HandOverUnit(PROPERTY, UNIT, LEASE, RENEWAL, List.of(TENANT)),
                                         new ConfirmLeaseActivation(RENEWAL),
                                         new HandOverUnit(PROPERTY, UNIT, RENEWAL, LEASE, List.of(TENANT)));
    }

    /** The lease ended before the repeat: it refuses the confirmation, and the unit is another lease's by then. */
    private void lateRepeatRefusedEverywhere() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ConfirmLeaseActivation) {
                throw new DomainRuleViolation("activation-not-requested", "no activation of this lease is under way");
            }
            if (command instanceof VacateUnit || command instanceof HandOverUnit handOver
                    && handOver.fromLeaseId().equals(RENEWAL)) {
                throw new DomainRuleViolation("other-lease", "the unit is held by another lease");
            }
            return null;
        });
        // As in the application: a refusal that reached the processor would fail this test.
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
    }

    @Test
    void aConcurrentChangeOfThePropertyIsRetriedNotRefused() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof OccupyUnit) {
                throw new ConcurrencyException("another change to the property was stored first");
            }
            return null;
        });
        // As in the application (Processes): the error reaches the processor, which retries the event.
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                                        .whenAggregate(LEASE.toString()).publishes(REQUESTED))
                .hasRootCauseInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aTerminatedLeaseGivesTheUnitBackEvenIfNoProcessRanForItsActivation() {
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(TERMINATED)
               .expectDispatchedCommands(new VacateUnit(PROPERTY, UNIT, LEASE))
               .expectActiveSagas(0);
    }

    @Test
    void anExpiredLeaseGivesTheUnitBack() {
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(new LeaseExpired(LEASE, PROPERTY, UNIT,
                                                                           LocalDate.of(2026, 11, 30)))
               .expectDispatchedCommands(new VacateUnit(PROPERTY, UNIT, LEASE))
               .expectActiveSagas(0);
    }

    @Test
    void aUnitThatIsNoLongerTheLeasesIsLeftAsItIs() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new DomainRuleViolation("other-lease", "the unit is held by another lease");
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(TERMINATED)
               .expectDispatchedCommands(new VacateUnit(PROPERTY, UNIT, LEASE))
               .expectActiveSagas(0);
    }

    @Test
    void aWithdrawnRenewalLetsTheLeaseItRenewsExpire() {
        fixture.givenNoPriorActivity()
               .whenAggregate(RENEWAL.toString()).publishes(new LeaseRenewalWithdrawn(RENEWAL, LEASE, PROPERTY, UNIT,
                                                                                      LocalDate.of(2027, 9, 1)))
               .expectDispatchedCommands(new LapseRenewal(LEASE, RENEWAL))
               .expectActiveSagas(0);
    }

    @Test
    void aRenewalOpensTheNewLeaseFromWhatTheRenewedOneSays() {
        LeaseRenewed renewed = new LeaseRenewed(LEASE, PROPERTY, UNIT, RENEWAL, OWNER, null, null, List.of(TENANT),
                                                TENANT, LeaseRenewalTest.renewalTerms(LocalDate.of(2027, 9, 1)),
                                                true, null, RentAccountTest.inr("40000"));
        fixture.givenNoPriorActivity()
               .whenAggregate(LEASE.toString()).publishes(renewed)
               .expectDispatchedCommands(new OpenRenewal(RENEWAL, renewed))
               .expectActiveSagas(0);
    }

    @Test
    void aRenewalInForceTakesTheUnitOverFromTheLeaseItRenewsNeverVacatingIt() {
        fixture.givenNoPriorActivity()
               .whenAggregate(RENEWAL.toString()).publishes(RENEWAL_REQUESTED)
               .expectDispatchedCommands(new HandOverUnit(PROPERTY, UNIT, LEASE, RENEWAL, List.of(TENANT)),
                                         new ConfirmLeaseActivation(RENEWAL))
               .expectActiveSagas(0);
    }

    @Test
    void aRenewalTheUnitWasNotHandedToIsRefusedAndOneThatWillNotTakeItHandsItBack() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof HandOverUnit) {
                throw new DomainRuleViolation("other-lease", "the unit is not held by the lease renewed");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(RENEWAL.toString()).publishes(RENEWAL_REQUESTED)
               .expectDispatchedCommands(new HandOverUnit(PROPERTY, UNIT, LEASE, RENEWAL, List.of(TENANT)),
                                         new RefuseLeaseActivation(RENEWAL, "other-lease",
                                                                   "the unit is not held by the lease renewed"));
        setUp();
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ConfirmLeaseActivation) {
                throw new DomainRuleViolation("activation-not-requested", "no activation of this lease is under way");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(RENEWAL.toString()).publishes(RENEWAL_REQUESTED)
               .expectDispatchedCommands(new HandOverUnit(PROPERTY, UNIT, LEASE, RENEWAL, List.of(TENANT)),
                                         new ConfirmLeaseActivation(RENEWAL),
                                         new HandOverUnit(PROPERTY, UNIT, RENEWAL, LEASE, List.of(TENANT)));
    }
}
