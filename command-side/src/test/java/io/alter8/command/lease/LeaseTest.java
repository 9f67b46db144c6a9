package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.ActivateLease;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.ApproveLease;
import io.alter8.api.lease.ConfirmLeaseActivation;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.api.lease.ProposeLease;
import io.alter8.api.lease.RefuseLeaseActivation;
import io.alter8.api.lease.RejectLease;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.ReviseLeaseTerms;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SignLease;
import io.alter8.api.lease.TerminateLease;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.property.Lettings;
import io.alter8.command.user.UserRoles;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease's rules: who proposes and applies, approvals, signatures, the activation the leasing process settles, and
 * the end.
 */
class LeaseTest {

    static final LeaseId ID = LeaseId.random();
    static final PropertyId PROPERTY = PropertyId.random();
    static final UnitId UNIT = UnitId.random();
    static final UserId OWNER = UserId.random();
    static final UserId AGENT = UserId.random();
    static final UserId MANAGER = UserId.random();
    static final UserId TENANT = UserId.random();
    static final UserId CO_TENANT = UserId.random();
    static final UserId STRANGER = UserId.random();
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    FixtureConfiguration<Lease> fixture;
    final Map<UserId, Role> activeUsers = new HashMap<>();
    /** Whether the property's listing is public, as the property would answer. */
    boolean listed = true;

    @BeforeEach
    void setUp() {
        activeUsers.put(TENANT, Role.TENANT);
        activeUsers.put(CO_TENANT, Role.TENANT);
        activeUsers.put(AGENT, Role.AGENT);
        fixture = new AggregateTestFixture<>(Lease.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> activeUsers.get(user) == role);
        fixture.registerInjectableResource(new Lettings() {
            @Override
            public LettableUnit unitToLet(PropertyId propertyId, UnitId unitId) {
                if (!propertyId.equals(PROPERTY)) {
                    throw new NotFound("no property " + propertyId);
                }
                return new LettableUnit(PROPERTY, UNIT, OWNER, AGENT, MANAGER, "INR", listed);
            }

        });
    }

    /** The history, on a fixed day: the lease compares dates with today. */
    org.axonframework.test.aggregate.TestExecutor<Lease> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    static Actor as(UserId user, Role role) {
        return new Actor(user, role);
    }

    static LeaseTerms terms(String rent) {
        LocalDate start = TODAY.minusDays(10);
        return new LeaseTerms(start, start.plusYears(1), 30, true, false,
                              Money.of(rent, "INR"), Money.of("50000", "INR"), Money.of("0", "INR"),
                              Money.of("0", "INR"), new BigDecimal("5.00"), start.plusMonths(11),
                              AgreementType.STANDARD, List.of("No smoking"));
    }

    static ProposeLease proposal(Actor by, List<UserId> tenants) {
        return new ProposeLease(ID, PROPERTY, null, tenants, null, null, terms("25000"), by);
    }

    static LeaseProposed proposed(UserId by, List<UserId> tenants) {
        return new LeaseProposed(ID, PROPERTY, UNIT, OWNER, AGENT, MANAGER, tenants, tenants.get(0), terms("25000"),
                                 by);
    }

    static LeaseProposed application() {
        return proposed(TENANT, List.of(TENANT));
    }

    static Object[] approvedAndSigned() {
        return new Object[]{application(),
                new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.TENANT, TENANT, LeaseApprovalStatus.TENANT_APPROVED,
                                  LeaseStatus.PENDING_APPROVAL),
                new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER, LeaseApprovalStatus.FULLY_APPROVED,
                                  LeaseStatus.PENDING_APPROVAL),
                new LeaseSigned(ID, LeaseParty.OWNER, OWNER, "https://sign.example/o", null, false),
                new LeaseSigned(ID, LeaseParty.TENANT, TENANT, "https://sign.example/t", null, true)};
    }

    // ------------------------------------------------------------------------------------------------ proposing

    @Test
    void aTenantAppliesByProposingALeaseOfTheUnit() {
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(TENANT, Role.TENANT), List.of(TENANT)))
               .expectEvents(application());
        assertThat(application().isApplication()).isTrue();
    }

    @Test
    void theOwnerProposesALeaseNamingTenants() {
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(OWNER, Role.OWNER), List.of(TENANT, CO_TENANT)))
               .expectEvents(proposed(OWNER, List.of(TENANT, CO_TENANT)));
        assertThat(proposed(OWNER, List.of(TENANT)).isApplication()).isFalse();
    }

    @Test
    void proposingTheSameLeaseAgainChangesNothing() {
        given(application())
               .when(proposal(as(TENANT, Role.TENANT), List.of(TENANT)))
               .expectNoEvents();
    }

    @Test
    void cannotProposeAnExistingLeaseWithOtherContent() {
        given(application())
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, terms("30000"),
                                      as(TENANT, Role.TENANT)))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("lease " + ID + " exists with other content");
    }

    @Test
    void aTenantAppliesOnlyForAListedPropertyWhileItsOwnerMayStillProposeALease() {
        listed = false;
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(TENANT, Role.TENANT), List.of(TENANT)))
               .expectNoEvents()
               .expectException(NotFound.class)
               .expectExceptionMessage("no property " + PROPERTY);
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(OWNER, Role.OWNER), List.of(TENANT)))
               .expectEvents(proposed(OWNER, List.of(TENANT)));
    }

    @Test
    void aTenantCannotApplyForSomeoneElse() {
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(TENANT, Role.TENANT), List.of(CO_TENANT)))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void aTenantCannotNameTheAgentOfTheirApplication() {
        UserId accomplice = UserId.random();
        activeUsers.put(accomplice, Role.AGENT);
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, accomplice, terms("25000"),
                                      as(TENANT, Role.TENANT)))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only the owner or an admin names an agent other than the listing agent");
    }

    @Test
    void aTenantNamingTheListingAgentAppliesAsWithoutOne() {
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, AGENT, terms("25000"),
                                      as(TENANT, Role.TENANT)))
               .expectEvents(application());
    }

    @Test
    void theOwnerNamesAnotherAgentForTheLease() {
        UserId chosen = UserId.random();
        activeUsers.put(chosen, Role.AGENT);
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, chosen, terms("25000"),
                                      as(OWNER, Role.OWNER)))
               .expectEvents(new LeaseProposed(ID, PROPERTY, UNIT, OWNER, chosen, MANAGER, List.of(TENANT), TENANT,
                                               terms("25000"), OWNER));
    }

    @Test
    void theListingAgentOrManagerCannotHandTheLeaseToAnotherAgent() {
        UserId chosen = UserId.random();
        activeUsers.put(chosen, Role.AGENT);
        for (Actor by : List.of(as(AGENT, Role.AGENT), as(MANAGER, Role.PROPERTY_MANAGER))) {
            fixture.givenCurrentTime(NOW)
                   .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, chosen, terms("25000"), by))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void anotherOwnerCannotProposeALeaseOfTheProperty() {
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(STRANGER, Role.OWNER), List.of(TENANT)))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void aPrivatePropertyIsUnknownToAnotherOwnerOrAgentProposingALease() {
        listed = false;
        for (Actor stranger : List.of(as(STRANGER, Role.OWNER), as(UserId.random(), Role.AGENT),
                                      as(UserId.random(), Role.PROPERTY_MANAGER))) {
            fixture.givenCurrentTime(NOW)
                   .when(proposal(stranger, List.of(TENANT)))
                   .expectNoEvents()
                   .expectException(NotFound.class)
                   .expectExceptionMessage("no property " + PROPERTY);
        }
    }

    @Test
    void cannotNameSomeoneWhoIsNotAnActiveTenant() {
        activeUsers.put(CO_TENANT, Role.OWNER);
        fixture.givenCurrentTime(NOW)
               .when(proposal(as(OWNER, Role.OWNER), List.of(TENANT, CO_TENANT)))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("every tenant must be an active tenant: " + CO_TENANT);
    }

    @Test
    void cannotProposeALeaseOfAnUnknownProperty() {
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PropertyId.random(), null, List.of(TENANT), null, null, terms("25000"),
                                      as(TENANT, Role.TENANT)))
               .expectNoEvents()
               .expectException(NotFound.class);
    }

    @Test
    void cannotProposeTermsInAnotherCurrencyThanTheProperty() {
        LeaseTerms usd = new LeaseTerms(TODAY, TODAY.plusYears(1), 30, true, false, Money.of("2000", "USD"),
                                        Money.of("0", "USD"), Money.of("0", "USD"), Money.of("0", "USD"),
                                        BigDecimal.ZERO, null, AgreementType.STANDARD, List.of());
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, usd, as(OWNER, Role.OWNER)))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("monthlyRent must be in INR, the property's currency");
    }

    @Test
    void cannotProposeALeaseThatEndsBeforeItStarts() {
        LeaseTerms backwards = new LeaseTerms(TODAY, TODAY.minusDays(1), 30, true, false, Money.of("1000", "INR"),
                                              Money.of("0", "INR"), Money.of("0", "INR"), Money.of("0", "INR"),
                                              BigDecimal.ZERO, null, AgreementType.STANDARD, List.of());
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, backwards,
                                      as(OWNER, Role.OWNER)))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the end date must be after the start date");
    }

    @Test
    void automaticRenewalNeedsTheRenewalOption() {
        LeaseTerms t = terms("25000");
        LeaseTerms auto = new LeaseTerms(t.startDate(), t.endDate(), 30, false, true, t.monthlyRent(),
                                         t.securityDeposit(), t.maintenanceCharge(), t.brokerageAmount(),
                                         t.annualRentIncreasePercent(), null, AgreementType.STANDARD, List.of());
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, auto, as(OWNER, Role.OWNER)))
               .expectNoEvents()
               .expectExceptionMessage("automatic renewal needs the renewal option");
    }

    // ---------------------------------------------------------------------------------------- agreeing, revising

    @Test
    void theFirstApprovalMakesTheLeasePendingAndBothSidesMakeItFullyApproved() {
        given(application())
               .when(new ApproveLease(ID, as(OWNER, Role.OWNER), null))
               .expectEvents(new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER, LeaseApprovalStatus.OWNER_APPROVED,
                                               LeaseStatus.PENDING_APPROVAL));
        given(application(), new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER,
                                                       LeaseApprovalStatus.OWNER_APPROVED,
                                                       LeaseStatus.PENDING_APPROVAL))
               .when(new ApproveLease(ID, as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.TENANT, TENANT, LeaseApprovalStatus.FULLY_APPROVED,
                                               LeaseStatus.PENDING_APPROVAL));
    }

    @Test
    void everyTenantMustApproveBeforeTheTenantsHaveApproved() {
        given(proposed(OWNER, List.of(TENANT, CO_TENANT)))
               .when(new ApproveLease(ID, as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.TENANT, TENANT, LeaseApprovalStatus.PENDING,
                                               LeaseStatus.PENDING_APPROVAL));
    }

    @Test
    void approvingTwiceChangesNothing() {
        given(application(), new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.TENANT, TENANT,
                                                       LeaseApprovalStatus.TENANT_APPROVED,
                                                       LeaseStatus.PENDING_APPROVAL))
               .when(new ApproveLease(ID, as(TENANT, Role.TENANT), null))
               .expectNoEvents();
    }

    @Test
    void theAgentCannotApproveForTheOwner() {
        given(application())
               .when(new ApproveLease(ID, as(AGENT, Role.AGENT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only the owner or an admin approves for the owner");
    }

    @Test
    void someoneNotPartyToTheLeaseCannotApproveIt() {
        given(application())
               .when(new ApproveLease(ID, as(STRANGER, Role.TENANT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void revisingTheTermsLetsEveryApprovalLapse() {
        given(application(), new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER,
                                                       LeaseApprovalStatus.OWNER_APPROVED,
                                                       LeaseStatus.PENDING_APPROVAL))
               .when(new ReviseLeaseTerms(ID, terms("24000"), as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseTermsRevised(ID, terms("24000"), TENANT));
        // The owner must approve the new terms again: approving is an event now, not a no-op.
        given(application(),
                      new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER, LeaseApprovalStatus.OWNER_APPROVED,
                                        LeaseStatus.PENDING_APPROVAL),
                      new LeaseTermsRevised(ID, terms("24000"), TENANT))
               .when(new ApproveLease(ID, as(OWNER, Role.OWNER), null))
               .expectEvents(new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER, LeaseApprovalStatus.OWNER_APPROVED,
                                               LeaseStatus.PENDING_APPROVAL));
    }

    @Test
    void revisingToTheSameTermsChangesNothing() {
        given(application())
               .when(new ReviseLeaseTerms(ID, terms("25000"), as(OWNER, Role.OWNER), null))
               .expectNoEvents();
    }

    @Test
    void cannotReviseALeaseSomeoneHasSigned() {
        Object[] history = approvedAndSigned();
        given(history[0], history[1], history[2], history[3])
               .when(new ReviseLeaseTerms(ID, terms("24000"), as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("a lease someone has signed cannot be revised");
    }

    @Test
    void aRejectedLeaseGoesNoFurther() {
        given(application())
               .when(new RejectLease(ID, "rent too low", as(OWNER, Role.OWNER), null))
               .expectEvents(new LeaseRejected(ID, LeaseParty.OWNER, OWNER, "rent too low"));
        given(application(), new LeaseRejected(ID, LeaseParty.OWNER, OWNER, null))
               .when(new ApproveLease(ID, as(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the lease was rejected");
    }

    // ---------------------------------------------------------------------------------- signing, force, the end

    @Test
    void cannotSignBeforeTheLeaseIsFullyApproved() {
        given(application())
               .when(new SignLease(ID, LeaseParty.TENANT, "https://sign.example/t", null, as(TENANT, Role.TENANT),
                                   null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void theLeaseIsFullySignedOnceOwnerAndEveryTenantHaveSigned() {
        Object[] history = approvedAndSigned();
        given(history[0], history[1], history[2], history[3])
               .when(new SignLease(ID, LeaseParty.TENANT, "https://sign.example/t", "https://docs.example/lease.pdf",
                                   as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseSigned(ID, LeaseParty.TENANT, TENANT, "https://sign.example/t",
                                             "https://docs.example/lease.pdf", true));
    }

    @Test
    void onlyTheOwnerSignsForTheOwnerAndAPartyCannotWitness() {
        Object[] history = approvedAndSigned();
        given(history[0], history[1], history[2])
               .when(new SignLease(ID, LeaseParty.OWNER, "https://sign.example/x", null, as(AGENT, Role.AGENT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        given(history[0], history[1], history[2])
               .when(new SignLease(ID, LeaseParty.WITNESS, "https://sign.example/x", null, as(TENANT, Role.TENANT),
                                   null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        given(history[0], history[1], history[2])
               .when(new SignLease(ID, LeaseParty.WITNESS, "https://sign.example/w", null, as(AGENT, Role.AGENT),
                                   null))
               .expectEvents(new LeaseSigned(ID, LeaseParty.WITNESS, AGENT, "https://sign.example/w", null, false));
    }

    @Test
    void activatingAsksTheLeasingProcessForTheUnitOfTheLeasesTenants() {
        given(approvedAndSigned())
               .when(new ActivateLease(ID, as(OWNER, Role.OWNER), null))
               .expectEvents(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER));
    }

    @Test
    void theProcessConfirmingTheUnitPutsTheLeaseIntoForceOnceWithItsDepositAndSchedule() {
        List<Object> inForce = new ArrayList<>(List.of(new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), AGENT),
                                                       new SecurityDepositHeld(ID, Money.of("50000", "INR"))));
        LocalDate start = TODAY.minusDays(10);
        for (int k = 0; k < 12; k++) {
            inForce.add(charge(k, start.plusMonths(k), start.plusMonths(k + 1L).minusDays(1), "25000.00"));
        }
        // A year and a day: the 13th period is the last day alone, 1 of 30 days of the escalated 26250.00.
        inForce.add(charge(12, start.plusYears(1), start.plusYears(1), "875.00"));
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), AGENT))
               .when(new ConfirmLeaseActivation(ID))
               .expectEvents(inForce.toArray());
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), AGENT),
                         new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), AGENT))
               .when(new ConfirmLeaseActivation(ID))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void activatingAgainWhileTheProcessWorksOnItChangesNothing() {
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER))
               .when(new ActivateLease(ID, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRefusedActivationLeavesTheLeaseSignedAndItMayBeActivatedAgain() {
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER))
               .when(new RefuseLeaseActivation(ID, "unit-occupied", "the unit is occupied under another lease"))
               .expectEvents(new LeaseActivationRefused(ID, PROPERTY, UNIT, "unit-occupied",
                                                        "the unit is occupied under another lease"));
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER),
                         new LeaseActivationRefused(ID, PROPERTY, UNIT, "unit-occupied", null))
               .when(new ConfirmLeaseActivation(ID))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("no activation of this lease is under way");
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER),
                         new LeaseActivationRefused(ID, PROPERTY, UNIT, "unit-occupied", null))
               .when(new ActivateLease(ID, as(MANAGER, Role.PROPERTY_MANAGER), null))
               .expectEvents(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), MANAGER));
    }

    @Test
    void aRefusalOfNoActivationUnderWayChangesNothing() {
        given(approvedAndSigned())
               .when(new RefuseLeaseActivation(ID, "unit-occupied", null))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLeaseBeingPutIntoForceCannotBeRejected() {
        given(approvedAndSigned())
               .andGiven(new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER))
               .when(new RejectLease(ID, "changed my mind", as(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the lease is being put into force");
    }

    @Test
    void cannotActivateALeaseNotSignedByEveryone() {
        Object[] history = approvedAndSigned();
        given(history[0], history[1], history[2], history[3])
               .when(new ActivateLease(ID, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("the owner and every tenant must sign first");
    }

    @Test
    void aTenantCannotPutALeaseIntoForce() {
        given(approvedAndSigned())
               .when(new ActivateLease(ID, as(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void eitherSideTerminatesALeaseInForceItsLastPeriodProRatedWithThePenalty() {
        // In force before schedules existed: the end makes its schedule, 11 of 30 days and the penalty.
        given(approvedAndSigned())
               .andGiven(new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), OWNER))
               .when(new TerminateLease(ID, TODAY, "moving abroad", TODAY.minusDays(30), Money.of("10000", "INR"),
                                        as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseTerminated(ID, PROPERTY, UNIT, TODAY, "moving abroad", TODAY.minusDays(30),
                                                 Money.of("10000", "INR"), TENANT),
                             new RentChargeScheduled(ID, PROPERTY, 0, TODAY.minusDays(10), TODAY, TODAY.minusDays(10),
                                                     Money.of("9166.67", "INR"), Money.of("0", "INR"),
                                                     Money.of("10000", "INR"), Money.of("19166.67", "INR")));
    }

    static RentChargeScheduled charge(int number, LocalDate start, LocalDate end, String rent) {
        Money zero = Money.of("0", "INR");
        return new RentChargeScheduled(ID, PROPERTY, number, start, end, start, Money.of(rent, "INR"), zero, zero,
                                       Money.of(rent, "INR"));
    }

    @Test
    void cannotTerminateALeaseNotInForceOrAsOfAFutureDate() {
        given(approvedAndSigned())
               .when(new TerminateLease(ID, TODAY, null, null, null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("only a lease in force is terminated");
        given(approvedAndSigned())
               .andGiven(new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), OWNER))
               .when(new TerminateLease(ID, TODAY.plusDays(1), null, null, null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("the termination date falls between the start date and today");
    }
}
