package io.alter8.command.config;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store itself is wired by {@code io.alter8.infra.eventstore.AxonJdbcAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Bean
    CorrelationDataProvider requestCorrelationData() {
        return new RequestCorrelationData();
    }
}
