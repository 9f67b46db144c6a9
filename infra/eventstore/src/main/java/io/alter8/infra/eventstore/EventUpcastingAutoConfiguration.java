package io.alter8.infra.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The upcasters of Alter8's events. Axon's Spring Boot wiring puts every {@link EventUpcaster} bean into the
 * configuration's upcaster chain, which both services' event storage engines read with (the command side's
 * {@link AxonJdbcAutoConfiguration}, the query side's own engine, and Axon Server's): an old event looks the same to
 * the aggregates and to every read model.
 */
@AutoConfiguration
public class EventUpcastingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PropertyRegisteredUpcaster propertyRegisteredUpcaster() {
        return new PropertyRegisteredUpcaster();
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataUpcaster personalDataUpcaster() {
        return new PersonalDataUpcaster();
    }

    @Bean
    @ConditionalOnMissingBean
    VerificationCompletedUpcaster verificationCompletedUpcaster() {
        return new VerificationCompletedUpcaster();
    }
}
