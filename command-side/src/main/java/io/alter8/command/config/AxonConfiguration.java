package io.alter8.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store itself is wired by {@code io.alter8.infra.eventstore.AxonJdbcAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    CorrelationDataProvider requestCorrelationData() {
        return new RequestCorrelationData();
    }

    /** Every aggregate's command target resolver (Axon takes the one bean of this type for all of them). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }

    @Bean
    ConfigurerModule newAggregates() {
        return new NewAggregates();
    }
}
