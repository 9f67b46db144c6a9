package io.alter8.command.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.api.verification.AssignVerification;
import io.alter8.api.verification.CompleteVerification;
import io.alter8.api.verification.GiveVerificationFeedback;
import io.alter8.api.verification.LegalFindings;
import io.alter8.api.verification.OpenVerification;
import io.alter8.api.verification.RejectVerification;
import io.alter8.api.verification.ScheduleVerification;
import io.alter8.api.verification.StartVerification;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationFeedbackGiven;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.api.verification.VerificationStarted;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.UserRoles;
import io.alter8.web.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

class PropertyVerificationTest {

    static final VerificationId ID = VerificationId.random();
    static final PropertyId PROPERTY = PropertyId.random();
    static final UserId OWNER = UserId.random();
    static final UserId EXECUTIVE = UserId.random();
    static final UserId OTHER_EXECUTIVE = UserId.random();
    static final UserId AGENT = UserId.random();
    static final Actor OWNER_ACTS = new Actor(OWNER, Role.OWNER);
    static final Actor ADMIN_ACTS = new Actor(UserId.random(), Role.ADMIN);
    static final Actor EXECUTIVE_ACTS = new Actor(EXECUTIVE, Role.FIELD_EXECUTIVE);
    static final Actor OTHER_EXECUTIVE_ACTS = new Actor(OTHER_EXECUTIVE, Role.FIELD_EXECUTIVE);
    static final Actor AGENT_ACTS = new Actor(AGENT, Role.AGENT);
    static final Actor OTHER_OWNER_ACTS = new Actor(UserId.random(), Role.OWNER);
    static final MediaId PHOTO = MediaId.random();
    static final MediaId VIDEO = MediaId.random();
    static final VerificationReport REPORT = new VerificationReport(8, List.of("damp wall"), List.of("repaint"),
                                                                    List.of(PHOTO, VIDEO), Map.of("plumbing", "ok"),
                                                                    null, List.of());

    final Map<UserId, Role> activeUsers = new HashMap<>(Map.of(EXECUTIVE, Role.FIELD_EXECUTIVE,
                                                               OTHER_EXECUTIVE, Role.FIELD_EXECUTIVE,
                                                               AGENT, Role.AGENT, OWNER, Role.OWNER));
    FixtureConfiguration<PropertyVerification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PropertyVerification.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> activeUsers.get(user) == role);
        fixture.registerInjectableResource((ReportMedia) property -> property.equals(PROPERTY) ? Set.of(PHOTO, VIDEO)
                                                                                               : Set.of());
    }

    static VerificationOpened opened(VerificationType type) {
        return new VerificationOpened(ID, PROPERTY, type, OWNER, OWNER);
    }

    static VerificationOpened opened() {
        return opened(VerificationType.STANDARD);
    }

    static VerificationAssigned assigned(UserId executive, UserId agent) {
        return new VerificationAssigned(ID, executive, agent, VerificationStatus.ASSIGNED, ADMIN_ACTS.userId());
    }

    static VerificationStarted started() {
        return new VerificationStarted(ID, EXECUTIVE);
    }

    static VerificationCompleted completed() {
        return new VerificationCompleted(ID, PROPERTY, REPORT, EXECUTIVE);
    }

    static VerificationRejected rejected() {
        return new VerificationRejected(ID, PROPERTY, "not the flat in the listing", EXECUTIVE);
    }

    static VerificationFeedbackGiven feedback(Integer agentRating, int executiveRating, String text) {
        return new VerificationFeedbackGiven(ID, agentRating == null ? null : AGENT, agentRating, EXECUTIVE,
                                             executiveRating, text, OWNER);
    }

    // ------------------------------------------------------------------------------------------------- opening

    @Test
    void opensPendingFromTheProcess() {
        fixture.givenNoPriorActivity()
               .when(new OpenVerification(ID, PROPERTY, VerificationType.LEGAL, OWNER, OWNER))
               .expectEvents(opened(VerificationType.LEGAL));
    }

    @Test
    void openingAgainWhenTheProcessRetriesChangesNothing() {
        fixture.given(opened(VerificationType.LEGAL))
               .when(new OpenVerification(ID, PROPERTY, VerificationType.LEGAL, OWNER, OWNER))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    // ---------------------------------------------------------------------------------------------- assignment

    @Test
    void adminsAssignAFieldExecutiveAndAnAgent() {
        fixture.given(opened())
               .when(new AssignVerification(ID, EXECUTIVE, AGENT, ADMIN_ACTS, null))
               .expectEvents(assigned(EXECUTIVE, AGENT));
    }

    @Test
    void assigningTheSamePeopleAgainChangesNothing() {
        fixture.given(opened(), assigned(EXECUTIVE, AGENT))
               .when(new AssignVerification(ID, EXECUTIVE, AGENT, ADMIN_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyAdminsAssign() {
        for (Actor who : List.of(OWNER_ACTS, EXECUTIVE_ACTS, AGENT_ACTS)) {
            fixture.given(opened())
                   .when(new AssignVerification(ID, EXECUTIVE, null, who, null))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void cannotAssignSomeoneWhoIsNotAnActiveFieldExecutive() {
        fixture.given(opened())
               .when(new AssignVerification(ID, AGENT, null, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the field executive must be an active one");
        activeUsers.remove(EXECUTIVE);
        fixture.given(opened())
               .when(new AssignVerification(ID, EXECUTIVE, null, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotAssignAnAgentWhoIsNotAnActiveAgent() {
        fixture.given(opened())
               .when(new AssignVerification(ID, EXECUTIVE, OTHER_EXECUTIVE, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the agent must be an active agent");
    }

    @Test
    void reassigningAnotherFieldExecutiveStartsAfresh() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new AssignVerification(ID, OTHER_EXECUTIVE, null, ADMIN_ACTS, null))
               .expectEvents(new VerificationAssigned(ID, OTHER_EXECUTIVE, null, VerificationStatus.ASSIGNED,
                                                      ADMIN_ACTS.userId()));
    }

    @Test
    void changingOnlyTheAgentKeepsAVisitInProgress() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new AssignVerification(ID, EXECUTIVE, AGENT, ADMIN_ACTS, null))
               .expectEvents(new VerificationAssigned(ID, EXECUTIVE, AGENT, VerificationStatus.IN_PROGRESS,
                                                      ADMIN_ACTS.userId()));
    }

    @Test
    void cannotReassignAFinalVerification() {
        fixture.given(opened(), assigned(EXECUTIVE, null), completed())
               .when(new AssignVerification(ID, OTHER_EXECUTIVE, null, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    // ------------------------------------------------------------------------------------------------ schedule

    static Instant tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS);
    }

    @Test
    void theAssignedFieldExecutiveOrAnAdminSchedulesTheVisit() {
        Instant at = tomorrow();
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new ScheduleVerification(ID, at, EXECUTIVE_ACTS, null))
               .expectEvents(new VerificationScheduled(ID, at, EXECUTIVE));
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new ScheduleVerification(ID, at, ADMIN_ACTS, null))
               .expectEvents(new VerificationScheduled(ID, at, ADMIN_ACTS.userId()));
    }

    @Test
    void schedulingTheSameTimeAgainChangesNothing() {
        Instant at = tomorrow();
        fixture.given(opened(), assigned(EXECUTIVE, null), new VerificationScheduled(ID, at, EXECUTIVE))
               .when(new ScheduleVerification(ID, at, EXECUTIVE_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aFieldExecutiveCannotScheduleAVerificationNotAssignedToThem() {
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new ScheduleVerification(ID, tomorrow(), OTHER_EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void cannotScheduleAVisitInThePast() {
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new ScheduleVerification(ID, Instant.now().minusSeconds(60), EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("a visit is scheduled in the future");
    }

    @Test
    void cannotScheduleBeforeAssignmentOrAfterTheStart() {
        fixture.given(opened())
               .when(new ScheduleVerification(ID, tomorrow(), ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new ScheduleVerification(ID, tomorrow(), EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    // --------------------------------------------------------------------------------------------------- start

    @Test
    void theAssignedFieldExecutiveStarts() {
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new StartVerification(ID, EXECUTIVE_ACTS, null))
               .expectEvents(started());
    }

    @Test
    void startingAgainChangesNothing() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new StartVerification(ID, EXECUTIVE_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyTheAssignedFieldExecutiveStarts() {
        for (Actor who : List.of(OTHER_EXECUTIVE_ACTS, ADMIN_ACTS, OWNER_ACTS, AGENT_ACTS)) {
            fixture.given(opened(), assigned(EXECUTIVE, AGENT))
                   .when(new StartVerification(ID, who, null))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void aFinalVerificationCannotStart() {
        fixture.given(opened(), assigned(EXECUTIVE, null), rejected())
               .when(new StartVerification(ID, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    // ---------------------------------------------------------------------------------------------- completion

    @Test
    void theAssignedFieldExecutiveCompletesWithTheReport() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, REPORT, EXECUTIVE_ACTS, null))
               .expectEvents(completed());
    }

    @Test
    void anAdminCompletesAnAssignedVerification() {
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new CompleteVerification(ID, REPORT, ADMIN_ACTS, null))
               .expectEvents(new VerificationCompleted(ID, PROPERTY, REPORT, ADMIN_ACTS.userId()));
    }

    @Test
    void completingAgainWithTheSameReportChangesNothingWithAnotherIsRefused() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started(), completed())
               .when(new CompleteVerification(ID, REPORT, EXECUTIVE_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        VerificationReport other = new VerificationReport(3, List.of(), List.of(), List.of(), Map.of(),
                                                          null, List.of());
        fixture.given(opened(), assigned(EXECUTIVE, null), started(), completed())
               .when(new CompleteVerification(ID, other, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the verification is completed");
    }

    @Test
    void aFieldExecutiveCannotCompleteAVerificationNotAssignedToThem() {
        for (Actor who : List.of(OTHER_EXECUTIVE_ACTS, OWNER_ACTS, AGENT_ACTS)) {
            fixture.given(opened(), assigned(EXECUTIVE, AGENT), started())
                   .when(new CompleteVerification(ID, REPORT, who, null))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void cannotCompleteBeforeAFieldExecutiveIsAssigned() {
        fixture.given(opened())
               .when(new CompleteVerification(ID, REPORT, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotCompleteARejectedVerification() {
        fixture.given(opened(), assigned(EXECUTIVE, null), rejected())
               .when(new CompleteVerification(ID, REPORT, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void aReportNamesOnlyMediaOfThePropertyEachUnknownOneIsBadInput() {
        MediaId elsewhere = MediaId.random();
        VerificationReport unknown = new VerificationReport(8, List.of(), List.of(),
                                                            List.of(PHOTO, elsewhere, MediaId.random()), Map.of(),
                                                            null, List.of());
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, unknown, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(ApiException.class)
               .expectExceptionMessage("2 fields are invalid");
    }

    @Test
    void aNewReportCannotCarryBareUrls() {
        VerificationReport urls = new VerificationReport(8, List.of(), List.of(), List.of(), Map.of(), null,
                                                         List.of("https://cdn.example/1.jpg"));
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, urls, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(ApiException.class);
    }

    @Test
    void aQualityScoreIsOneToTen() {
        VerificationReport zero = new VerificationReport(0, List.of(), List.of(), List.of(), Map.of(),
                                                         null, List.of());
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, zero, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the quality score is 1 to 10");
    }

    @Test
    void aLegalVerificationReportsItsLegalFindings() {
        fixture.given(opened(VerificationType.LEGAL), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, REPORT, EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
        VerificationReport legal = new VerificationReport(9, List.of(), List.of(), List.of(), Map.of(),
                                                          new LegalFindings(true, false, List.of("mortgage")),
                                                          List.of());
        fixture.given(opened(VerificationType.LEGAL), assigned(EXECUTIVE, null), started())
               .when(new CompleteVerification(ID, legal, EXECUTIVE_ACTS, null))
               .expectEvents(new VerificationCompleted(ID, PROPERTY, legal, EXECUTIVE));
    }

    // ----------------------------------------------------------------------------------------------- rejection

    @Test
    void theAssignedFieldExecutiveRejectsWithAReason() {
        fixture.given(opened(), assigned(EXECUTIVE, null), started())
               .when(new RejectVerification(ID, "not the flat in the listing", EXECUTIVE_ACTS, null))
               .expectEvents(rejected());
    }

    @Test
    void anAdminRejectsEvenBeforeAssignment() {
        fixture.given(opened())
               .when(new RejectVerification(ID, "duplicate listing", ADMIN_ACTS, null))
               .expectEvents(new VerificationRejected(ID, PROPERTY, "duplicate listing", ADMIN_ACTS.userId()));
    }

    @Test
    void rejectingAgainForTheSameReasonChangesNothing() {
        fixture.given(opened(), assigned(EXECUTIVE, null), rejected())
               .when(new RejectVerification(ID, "not the flat in the listing", EXECUTIVE_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRejectionSaysWhyAndComesFromTheAssignedFieldExecutiveOrAdmins() {
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new RejectVerification(ID, " ", EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new RejectVerification(ID, "no", OTHER_EXECUTIVE_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(opened(), assigned(EXECUTIVE, null))
               .when(new RejectVerification(ID, "no", OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void cannotRejectACompletedVerification() {
        fixture.given(opened(), assigned(EXECUTIVE, null), completed())
               .when(new RejectVerification(ID, "changed my mind", ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    // ------------------------------------------------------------------------------------------------ feedback

    @Test
    void theOwnerRatesTheAgentAndTheFieldExecutiveOnceCompleted() {
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), started(), completed())
               .when(new GiveVerificationFeedback(ID, 4, 5, "on time", OWNER_ACTS, null))
               .expectEvents(feedback(4, 5, "on time"));
    }

    @Test
    void theOwnerRatesTheFieldExecutiveOfARejectedVerification() {
        fixture.given(opened(), assigned(EXECUTIVE, null), rejected())
               .when(new GiveVerificationFeedback(ID, null, 2, null, OWNER_ACTS, null))
               .expectEvents(feedback(null, 2, null));
    }

    @Test
    void theOwnerRevisesFeedbackAndTheSameFeedbackAgainChangesNothing() {
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed(), feedback(4, 5, "on time"))
               .when(new GiveVerificationFeedback(ID, 2, 5, "on time", OWNER_ACTS, null))
               .expectEvents(feedback(2, 5, "on time"));
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed(), feedback(4, 5, "on time"))
               .when(new GiveVerificationFeedback(ID, 4, 5, "on time", OWNER_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyThePropertysOwnerGivesFeedback() {
        for (Actor who : List.of(OTHER_OWNER_ACTS, ADMIN_ACTS, EXECUTIVE_ACTS, AGENT_ACTS)) {
            fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed())
                   .when(new GiveVerificationFeedback(ID, 4, 5, null, who, null))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void noFeedbackBeforeTheVerificationIsFinal() {
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), started())
               .when(new GiveVerificationFeedback(ID, 4, 5, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void theAgentIsRatedOnlyWhenOneCameAndThenMustBe() {
        fixture.given(opened(), assigned(EXECUTIVE, null), completed())
               .when(new GiveVerificationFeedback(ID, 4, 5, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("no agent was assigned to rate");
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed())
               .when(new GiveVerificationFeedback(ID, null, 5, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("agentRating is required");
    }

    @Test
    void ratingsAreOneToFive() {
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed())
               .when(new GiveVerificationFeedback(ID, 6, 5, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
        fixture.given(opened(), assigned(EXECUTIVE, AGENT), completed())
               .when(new GiveVerificationFeedback(ID, 3, 0, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void noFeedbackWhenNobodyVisited() {
        fixture.given(opened(), new VerificationRejected(ID, PROPERTY, "duplicate", ADMIN_ACTS.userId()))
               .when(new GiveVerificationFeedback(ID, null, 5, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("no field executive was assigned to rate");
    }
}
