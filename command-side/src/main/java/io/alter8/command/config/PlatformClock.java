package io.alter8.command.config;

import io.alter8.infra.eventstore.MovableClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The one clock of the command side: every service, scheduled job and aggregate reads time from it. It is the
 * platform's ({@link MovableClock}): the system clock in UTC, or on the local stack one an admin moves forward
 * ({@link LocalClockController}), kept in this side's database where the query side reads it too. Aggregates read
 * today through Axon's clock, so the movable clock becomes Axon's too.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformClock {

    @Bean
    Clock clock(Environment environment, ObjectProvider<JdbcTemplate> jdbc) {
        Clock clock = MovableClock.of(environment, jdbc::getObject);
        if (clock instanceof MovableClock) {
            GenericEventMessage.clock = clock;
        }
        return clock;
    }
}
