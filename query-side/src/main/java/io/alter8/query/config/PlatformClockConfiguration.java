package io.alter8.query.config;

import io.alter8.infra.eventstore.MovableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The query side's clock is the platform's ({@link MovableClock}), read as the command side reads it: the system clock
 * in UTC, or on the local stack the one an admin moved forward on the command side, followed through the read-only
 * pool to that side's database. So what is overdue here is what the command side's assessment charges a fee for.
 */
@Configuration(proxyBeanMethods = false)
class PlatformClockConfiguration {

    @Bean
    Clock clock(Environment environment, PersonalDataConfiguration.CommandSideConnections commandSide) {
        return MovableClock.of(environment, () -> new JdbcTemplate(commandSide.connections().dataSource()));
    }
}
