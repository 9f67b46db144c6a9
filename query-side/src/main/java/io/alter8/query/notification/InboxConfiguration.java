package io.alter8.query.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The inbox's scheduled expiry sweep (on the platform's clock, {@code PlatformClockConfiguration}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InboxConfiguration {
}
