package io.alter8.command.lease;

import io.alter8.command.CommandSideApplication;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart between a due date and its late fee: the lease's charges fall due (its start is in the past) while the
 * running service has not assessed them; then the command side is started afresh, twice, in this JVM (a new Spring
 * context on the same database and event store, as a restarted process would be), and each new instance runs the
 * assessment. Each charge ends with exactly one fee.
 */
@CommandSideTest
class LeaseAssessmentRestartTest extends LeaseApiFixture {

    static ConfigurableApplicationContext startCommandSide() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(new EmbeddedStackInitializer())
                .properties("server.port=0", "alter8.query-side.base-url=http://query.test",
                            "alter8.leases.assessment-cron=-")
                .run();
    }

    @Test
    void aFeeFallenDueBeforeARestartIsAppliedOnceByTheRestartedServiceAndNeverAgain() {
        String lease = leaseInForce();
        assertThat(stored(lease, "LateFeeApplied", "chargeNumber")).as("not assessed before the restart").isEmpty();

        for (int restart = 1; restart <= 2; restart++) {
            try (ConfigurableApplicationContext restarted = startCommandSide()) {
                restarted.getBean(LeaseAssessment.class).assess();
            }
            assertThat(stored(lease, "LateFeeApplied", "chargeNumber")).as("after restart " + restart)
                                                                       .containsExactly("0", "1", "2");
        }
    }
}
