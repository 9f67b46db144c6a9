package io.alter8.command.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthSettings.class)
class AuthConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(AuthSettings settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
