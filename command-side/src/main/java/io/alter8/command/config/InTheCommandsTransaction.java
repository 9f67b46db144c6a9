package io.alter8.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * For handlers whose writes must commit or fail with the events that cause them (uniqueness claims, credentials):
 * a subscribing processor, which runs in the publishing unit of work, whose handler errors fail the command.
 * Axon's default would be a streaming processor after the commit that logs errors and carries on. This is
 * correctness, not tuning, so it is set in code rather than in application.yml.
 */
public final class InTheCommandsTransaction {

    private InTheCommandsTransaction() {
    }

    public static ConfigurerModule processingGroup(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                                       .registerSubscribingEventProcessor(processingGroup)
                                       .registerListenerInvocationErrorHandler(
                                               processingGroup, configuration -> PropagatingErrorHandler.instance());
    }
}
