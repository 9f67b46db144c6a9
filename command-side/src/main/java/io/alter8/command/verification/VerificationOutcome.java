package io.alter8.command.verification;

import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.user.Actor;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.command.process.Processes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verification process's last step: a completed verification makes its property verified, a rejected one
 * rejected. Sent as Alter8 itself, not as the person who completed it, whom the property would refuse. The property
 * accepts a process outcome in any state and ignores the outcome of a verification that is no longer open, so the
 * step is idempotent and never refused: there is nothing to compensate, and a redelivery changes nothing.
 */
@Saga
@ProcessingGroup(VerificationOutcome.PROCESSING_GROUP)
public class VerificationOutcome {

    static final String PROCESSING_GROUP = "verification-outcome";

    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "verificationId")
    void on(VerificationCompleted event) {
        commands.sendAndWait(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.VERIFIED,
                                                           "quality score " + event.report().qualityScore() + "/10",
                                                           event.verificationId(), Actor.system(), null));
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "verificationId")
    void on(VerificationRejected event) {
        commands.sendAndWait(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.REJECTED,
                                                           event.reason(), event.verificationId(), Actor.system(),
                                                           null));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessConfiguration {

        @Bean
        ConfigurerModule verificationOutcomeProcess() {
            return Processes.processingGroup(PROCESSING_GROUP);
        }
    }
}
