package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.lease.AssessRentAccount;
import io.alter8.api.lease.EndLeaseTerm;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.command.config.ClockMoved;
import io.alter8.command.config.InTheCommandsTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The late-fee assessment: every hour (and at once when the local clock moves) each lease in force, or ended less
 * than {@value #DAYS_AFTER_END} days ago, is sent {@link AssessRentAccount} and then {@link EndLeaseTerm} as of today
 * on the platform's clock. The lease decides, and refuses a second fee for a charge (or a second end), so a run
 * repeated, overlapping, or after a restart applies each fee once; a run missed while the service was down is caught
 * up by the next, since a fee or an end depends on the date, not on the run.
 * <p>
 * Which leases to assess is kept in {@code lease_assessment}, written in the transaction of the events that put a
 * lease into force or end it, or open a renewal (withdrawn if it is not in force by its start date).
 */
@Component
@ProcessingGroup(LeaseAssessment.PROCESSING_GROUP)
class LeaseAssessment {

    static final String PROCESSING_GROUP = "lease-assessment";
    /** Longer than the longest grace period: the last charges of an ended lease still get their fees. */
    static final int DAYS_AFTER_END = 90;
    private static final Logger log = LoggerFactory.getLogger(LeaseAssessment.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    LeaseAssessment(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(cron = "${alter8.leases.assessment-cron:0 5 * * * *}", zone = "UTC")
    void scheduled() {
        assess();
    }

    @EventListener
    void on(ClockMoved moved) {
        assess();
    }

    /** Assesses every lease due one; answers how many were assessed without an error. */
    int assess() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> leases = jdbc.queryForList(
                "SELECT lease_id FROM lease_assessment WHERE ended_on IS NULL OR ended_on >= ? ORDER BY lease_id",
                UUID.class, today.minusDays(DAYS_AFTER_END));
        int assessed = 0;
        for (UUID lease : leases) {
            try {
                assess(new LeaseId(lease), today);
                assessed++;
            } catch (RuntimeException failure) {
                // One lease failing (a concurrent command won the version) must not stop the others; the next
                // run tries it again.
                log.warn("Assessing lease {} as of {} failed: {}", lease, today, failure.getMessage());
            }
        }
        log.info("Assessed {} of {} leases as of {}", assessed, leases.size(), today);
        return assessed;
    }

    /** One lease as of a day: its late fees and credit, then its end (notice, expiry or automatic renewal). */
    void assess(LeaseId lease, LocalDate asOf) {
        commands.sendAndWait(new AssessRentAccount(lease, asOf));
        commands.sendAndWait(new EndLeaseTerm(lease, asOf));
    }

    @EventHandler
    void on(LeaseActivated event) {
        jdbc.update("INSERT INTO lease_assessment (lease_id) VALUES (?) ON CONFLICT DO NOTHING",
                    event.leaseId().value());
    }

    /** A renewal by hand is assessed before it is in force: it is withdrawn if not in force by its start date. */
    @EventHandler
    void on(LeaseProposed event) {
        if (event.renewedFrom() != null) {
            jdbc.update("INSERT INTO lease_assessment (lease_id) VALUES (?) ON CONFLICT DO NOTHING",
                        event.leaseId().value());
        }
    }

    @EventHandler
    void on(LeaseRenewalWithdrawn event) {
        ended(event.leaseId(), event.withdrawnOn());
    }

    @EventHandler
    void on(LeaseTerminated event) {
        ended(event.leaseId(), event.terminationDate());
    }

    @EventHandler
    void on(LeaseExpired event) {
        ended(event.leaseId(), event.endDate());
    }

    /** A renewed lease runs to its end date: its last charges are still assessed, its end is the renewal's. */
    @EventHandler
    void on(LeaseRenewed event) {
        ended(event.leaseId(), event.terms().startDate().minusDays(1));
    }

    private void ended(LeaseId lease, LocalDate on) {
        jdbc.update("UPDATE lease_assessment SET ended_on = ? WHERE lease_id = ?", on, lease.value());
    }

    @Configuration(proxyBeanMethods = false)
    static class ProcessorConfiguration {

        @Bean
        ConfigurerModule leaseAssessmentInTheCommandsTransaction() {
            return InTheCommandsTransaction.processingGroup(PROCESSING_GROUP);
        }
    }
}
