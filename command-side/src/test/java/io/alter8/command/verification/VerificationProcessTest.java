package io.alter8.command.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.user.Actor;
import io.alter8.api.verification.OpenVerification;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationType;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The verification process: a request accepted by the property opens it; its end is recorded on the property. */
class VerificationProcessTest {

    static final VerificationId ID = VerificationId.random();
    static final PropertyId PROPERTY = PropertyId.random();
    static final UserId EXECUTIVE = UserId.random();
    static final UserId OWNER = UserId.random();

    SagaTestFixture<VerificationProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(VerificationProcess.class);
    }

    @Test
    void aRequestThePropertyAcceptedOpensTheVerification() {
        fixture.givenNoPriorActivity()
               .whenAggregate(PROPERTY.toString())
               .publishes(new PropertyVerificationRequested(PROPERTY, ID, VerificationType.LEGAL, OWNER, OWNER))
               .expectDispatchedCommands(new OpenVerification(ID, PROPERTY, VerificationType.LEGAL, OWNER, OWNER))
               .expectActiveSagas(0);
    }

    @Test
    void aCompletedVerificationMakesThePropertyVerifiedWithItsScore() {
        VerificationReport report = new VerificationReport(8, List.of(), List.of(), List.of(), Map.of(),
                                                           null, List.of());
        fixture.givenNoPriorActivity()
               .whenAggregate(ID.toString()).publishes(new VerificationCompleted(ID, PROPERTY, report, EXECUTIVE))
               .expectDispatchedCommands(new RecordVerificationOutcome(PROPERTY, PropertyVerificationStatus.VERIFIED,
                                                                       "quality score 8/10", ID, Actor.system(),
                                                                       null))
               .expectActiveSagas(0);
    }

    @Test
    void aRejectedVerificationMakesThePropertyRejectedSayingWhy() {
        fixture.givenNoPriorActivity()
               .whenAggregate(ID.toString())
               .publishes(new VerificationRejected(ID, PROPERTY, "not the flat in the photos", EXECUTIVE))
               .expectDispatchedCommands(new RecordVerificationOutcome(PROPERTY, PropertyVerificationStatus.REJECTED,
                                                                       "not the flat in the photos", ID,
                                                                       Actor.system(), null))
               .expectActiveSagas(0);
    }

    @Test
    void anOutcomeForAPropertyNotInTheStoreIsPassedOverSoLaterVerificationsGoOn() {
        // As in the service, where an exception fails the batch and the processor retries it.
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new AggregateNotFoundException(PROPERTY.toString(), "no such property");
        });
        fixture.givenNoPriorActivity()
               .whenAggregate(ID.toString())
               .publishes(new VerificationRejected(ID, PROPERTY, "not the flat in the photos", EXECUTIVE))
               .expectDispatchedCommands(new RecordVerificationOutcome(PROPERTY, PropertyVerificationStatus.REJECTED,
                                                                       "not the flat in the photos", ID,
                                                                       Actor.system(), null))
               .expectActiveSagas(0);
    }
}
