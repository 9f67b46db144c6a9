package io.alter8.query.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The query side's clock, the system's in UTC (the inbox's expiry, the overdue status of rent charges; tests may
 * replace it), and the inbox's scheduled expiry sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
