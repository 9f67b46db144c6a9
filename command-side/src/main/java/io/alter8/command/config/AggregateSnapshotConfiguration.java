package io.alter8.command.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots keep loading an aggregate flat as its stream grows: after every {@code threshold} events the aggregate's
 * state is stored, and a load reads that and the events after it. Only aggregates with a test that one restored from
 * a snapshot answers commands as one rebuilt from events take part ({@code PropertySnapshotTest}).
 * <p>
 * No aggregate cache: with more than one command-side instance and no routing of an aggregate's commands to one
 * instance, a cached aggregate misses what another instance appended. The append then fails on the unique sequence
 * number, and a command that is refused or found already satisfied is decided on stale state.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshotConfiguration {

    public static final String PROPERTY_SNAPSHOTS = "propertySnapshots";

    @Bean(PROPERTY_SNAPSHOTS)
    SnapshotTriggerDefinition propertySnapshots(Snapshotter snapshotter,
                                                @Value("${alter8.snapshots.property-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
