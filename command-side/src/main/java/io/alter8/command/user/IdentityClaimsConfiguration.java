package io.alter8.command.user;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityClaimsConfiguration {

    /**
     * The claims must be written in the transaction of the events and a conflict must fail the command: a
     * subscribing processor (in the publishing unit of work) whose handler errors propagate. Axon's default would
     * be a streaming processor, after the commit, that logs errors and carries on. This is correctness, not
     * tuning, so it is set here rather than in application.yml.
     */
    @Bean
    ConfigurerModule identityClaimsInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                                       .registerSubscribingEventProcessor(IdentityClaims.PROCESSING_GROUP)
                                       .registerListenerInvocationErrorHandler(
                                               IdentityClaims.PROCESSING_GROUP,
                                               configuration -> PropagatingErrorHandler.instance());
    }
}
