package io.alter8.command.process;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How every process (a saga that coordinates aggregates) runs: on a pooled streaming processor of its own, after
 * the commit of the event that starts it, in its own transaction — on the local bus and on Axon Server alike. Its
 * commands must therefore be idempotent (a redelivered event sends them again) and its refusals compensated by
 * commands, never by a rollback of someone else's transaction.
 * <ul>
 *   <li>A new processor starts at the head of the stream: events from before it existed were handled by whatever
 *       handled them then, and must not be acted on twice.</li>
 *   <li>A handler's error propagates, so the processor retries the event with back-off instead of logging and
 *       skipping it (Axon's default would lose the step). Domain refusals are caught in the saga and compensated;
 *       what reaches here is an outage or a concurrent change, worth trying again.</li>
 *   <li>One segment: the steps of one process run in the order of their events, and two leases' steps do not race
 *       on the same property (a race would be safe — the property's sequence number refuses one, which is retried —
 *       but slower to answer). More segments are a setting away when throughput asks for them.</li>
 * </ul>
 */
public final class Processes {

    private Processes() {
    }

    public static ConfigurerModule processingGroup(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                                       .registerPooledStreamingEventProcessor(
                                               processingGroup, Configuration::eventStore,
                                               (configuration, builder) -> builder
                                                       .initialToken(StreamableMessageSource::createHeadToken)
                                                       .initialSegmentCount(1))
                                       .registerListenerInvocationErrorHandler(
                                               processingGroup, configuration -> PropagatingErrorHandler.instance());
    }
}
