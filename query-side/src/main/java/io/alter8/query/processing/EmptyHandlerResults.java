package io.alter8.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor's handlers answer one ready, empty result instead of their own (nothing). Axon's batching
 * unit of work wraps each event's answer in a new result message, and a new message takes the correlation data of
 * the event being handled, which reads the event's metadata: so each event's metadata was decoded from JSON only to
 * label a result nobody reads (a sixth of a work package's samples in a replay of property-listing). An exception
 * still propagates as it did.
 */
@Configuration(proxyBeanMethods = false)
class EmptyHandlerResults {

    @Bean
    ConfigurerModule eventHandlersAnswerAReadyResult() {
        // Made here, outside any unit of work, so it carries no correlation data.
        ResultMessage<Void> nothing = new GenericResultMessage<>((Void) null, MetaData.emptyInstance());
        MessageHandlerInterceptor<EventMessage<?>> answerNothing = (unitOfWork, chain) -> {
            chain.proceed();
            return nothing;
        };
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> answerNothing);
    }
}
