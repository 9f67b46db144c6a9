package io.alter8.command.verification;

import io.alter8.api.verification.OpenVerification;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The property accepted a request (it checked who asks and that no other verification is open): open the
 * verification. In the request's own transaction, so the request answers with a verification that exists, and a
 * verification is never opened without the property's acceptance or accepted without being opened.
 */
@Component
@ProcessingGroup(WhenPropertyVerificationRequestedThenOpenVerification.PROCESSING_GROUP)
class WhenPropertyVerificationRequestedThenOpenVerification {

    static final String PROCESSING_GROUP = "verification-opening";

    private final CommandGateway commands;

    WhenPropertyVerificationRequestedThenOpenVerification(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PropertyVerificationRequested event) {
        commands.sendAndWait(new OpenVerification(event.verificationId(), event.propertyId(), event.type(),
                                                  event.ownerId(), event.requestedBy()));
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule verificationOpeningInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
