package io.alter8.command.config;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Under Axon Server the service can take no command while it is not connected: Axon Server is then its event
 * store and command bus. Axon 4.13 has an indicator of its own, but it is conditional on Spring Boot 3's
 * {@code org.springframework.boot.actuate.health} classes and so is never created under Boot 4; this one takes its
 * place (named {@code axonServer}, as Axon's would be) and is part of the readiness group of the
 * {@code axonserver} profile.
 */
@Component("axonServer")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerHealth extends AbstractHealthIndicator {

    private final AxonServerConnectionManager connections;

    AxonServerHealth(AxonServerConnectionManager connections) {
        super("Axon Server is not reachable");
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        (connections.isConnected(context) ? builder.up() : builder.down()).withDetail("context", context);
    }
}
