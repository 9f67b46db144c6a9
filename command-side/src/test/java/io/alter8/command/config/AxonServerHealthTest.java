package io.alter8.command.config;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AxonServerHealthTest {

    private final AxonServerConnectionManager connections = mock(AxonServerConnectionManager.class);
    private final AxonServerHealth health = new AxonServerHealth(connections);

    @Test
    void isUpWhileConnectedToTheDefaultContext() {
        when(connections.getDefaultContext()).thenReturn("default");
        when(connections.isConnected("default")).thenReturn(true);

        Health result = health.health(true);

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("context", "default");
    }

    @Test
    void isDownWhileNotConnectedSoTheServiceIsNotReady() {
        when(connections.getDefaultContext()).thenReturn("default");
        when(connections.isConnected("default")).thenReturn(false);

        assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}
