package io.alter8.command.verification;

import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.user.Actor;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Verification completed → the property is verified; rejected → rejected (what the marketplace model's verification
 * workflow decides). Sent as Alter8 itself, not as the person who completed it, whom the property would refuse. In the
 * completion's own transaction: the property's status and the verification's end are stored together, and the
 * property frees itself for the next request at once. The property accepts a process outcome in any state, so this
 * never fails a completion for the property's sake.
 */
@Component
@ProcessingGroup(WhenVerificationEndedThenRecordOutcome.PROCESSING_GROUP)
class WhenVerificationEndedThenRecordOutcome {

    static final String PROCESSING_GROUP = "verification-outcome";

    private final CommandGateway commands;

    WhenVerificationEndedThenRecordOutcome(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(VerificationCompleted event) {
        commands.sendAndWait(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.VERIFIED,
                                                           "quality score " + event.report().qualityScore() + "/10",
                                                           event.verificationId(), Actor.system(), null));
    }

    @EventHandler
    void on(VerificationRejected event) {
        commands.sendAndWait(new RecordVerificationOutcome(event.propertyId(), PropertyVerificationStatus.REJECTED,
                                                           event.reason(), event.verificationId(), Actor.system(),
                                                           null));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule verificationOutcomeInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
