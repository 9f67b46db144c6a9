package io.alter8.command.lease;

import io.alter8.command.CommandSideApplication;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart between a due date and its late fee: the lease's charges fall due (its start is in the past) while the
 * running service has not assessed them; then the command side is started afresh, twice, in this JVM (a new Spring
 * context on the same database and event store, as a restarted process would be), and each new instance runs the
 * assessment. Each charge ends with exactly one fee. Beside the running instance, each new one leaves the processes'
 * events to the instance that holds their claims, as a second node on the same database must.
 */
@CommandSideTest
class LeaseAssessmentRestartTest extends LeaseApiFixture {

    static ConfigurableApplicationContext startCommandSide() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(new EmbeddedStackInitializer())
                // Arguments, not default properties: application.yml's server.port would win over a default.
                .run("--server.port=0", "--alter8.query-side.base-url=http://query.test",
                     "--alter8.leases.assessment-cron=-");
    }

    @Autowired
    EventProcessingConfiguration processing;

    static PooledStreamingEventProcessor leaseOccupancy(EventProcessingConfiguration processing) {
        return processing.eventProcessor(LeaseOccupancy.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                         .orElseThrow();
    }

    static Set<Integer> claimedSegments(PooledStreamingEventProcessor processor) {
        return processor.processingStatus().keySet();
    }

    @Test
    void aFeeFallenDueBeforeARestartIsAppliedOnceByTheRestartedServiceAndNeverAgain() {
        String lease = leaseInForce();
        assertThat(stored(lease, "LateFeeApplied", "chargeNumber")).as("not assessed before the restart").isEmpty();

        for (int restart = 1; restart <= 2; restart++) {
            try (ConfigurableApplicationContext restarted = startCommandSide()) {
                assertThat(claimedSegments(leaseOccupancy(processing))).as("the running instance's").isNotEmpty();
                // Beside the running instance (this JVM's shared context), the new one waits for its claims rather
                // than process the same events: two instances share Axon's default claim owner name, "pid@host".
                PooledStreamingEventProcessor second = leaseOccupancy(restarted.getBean(
                        EventProcessingConfiguration.class));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                       .until(() -> claimedSegments(second).isEmpty());
                restarted.getBean(LeaseAssessment.class).assess();
            }
            assertThat(stored(lease, "LateFeeApplied", "chargeNumber")).as("after restart " + restart)
                                                                       .containsExactly("0", "1", "2");
        }
    }
}
