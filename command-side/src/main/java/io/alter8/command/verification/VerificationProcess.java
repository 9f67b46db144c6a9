package io.alter8.command.verification;

import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.user.Actor;
import io.alter8.api.verification.OpenVerification;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.command.process.Processes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verification process, between the property and its verification:
 * <pre>
 * PropertyVerificationRequested → OpenVerification          (the property checked who asks, and that none is open)
 * VerificationCompleted         → RecordVerificationOutcome verified
 * VerificationRejected          → RecordVerificationOutcome rejected, with the reason
 * </pre>
 * Outcomes are sent as Alter8 itself, not as the person who completed the verification, whom the property would
 * refuse. No step is refused: the verification opens again as a no-op, and the property accepts a process outcome in
 * any state and ignores the outcome of a verification that is no longer open. So there is nothing to compensate, and
 * a redelivery changes nothing. Nothing is kept between events: each saga ends with the event that started it.
 */
@Saga
@ProcessingGroup(VerificationProcess.PROCESSING_GROUP)
public class VerificationProcess {

    static final String PROCESSING_GROUP = "verification-process";
    private static final Logger log = LoggerFactory.getLogger(VerificationProcess.class);

    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "verificationId")
    void on(PropertyVerificationRequested event) {
        try {
            commands.sendAndWait(new OpenVerification(event.verificationId(), event.propertyId(), event.type(),
                                                      event.ownerId(), event.requestedBy()));
        } catch (IncompatibleAggregateException taken) {
            // Another kind of aggregate took the id after the request was checked (CommandSender.createThrough):
            // retrying cannot help. The property keeps it open; withdrawing a request is not a property command yet.
            log.error("Verification {} of property {} could not be opened: its id is another aggregate's",
                      event.verificationId(), event.propertyId());
        }
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "verificationId")
    void on(VerificationCompleted event) {
        record(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.VERIFIED,
                                             "quality score " + event.report().qualityScore() + "/10",
                                             event.verificationId(), Actor.system(), null));
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "verificationId")
    void on(VerificationRejected event) {
        record(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.REJECTED, event.reason(),
                                             event.verificationId(), Actor.system(), null));
    }

    /**
     * Records an outcome on its property. A property that is not in the store can never take it, and retrying would
     * hold every later verification behind this one: it is logged and passed over. Outages still fail and are
     * retried.
     */
    private void record(RecordVerificationOutcome outcome) {
        try {
            commands.sendAndWait(outcome);
        } catch (AggregateNotFoundException missing) {
            log.error("Verification {} ended, but its property {} is not in the store; its outcome is not recorded",
                      outcome.verification(), outcome.propertyId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessConfiguration {

        @Bean
        ConfigurerModule verificationProcessingGroup() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
