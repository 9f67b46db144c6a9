package io.alter8.command.lease;

import io.alter8.api.lease.EndLeaseTerm;
import io.alter8.api.lease.GiveNotice;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseNoticeGiven;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a {@link Lease} in force ends with time: notice given today ends it on a date at least the notice period away
 * (never in the past, never after its end date); the daily assessment ends it on that date, or lets it expire after
 * its end date, or renews it then when its terms say so (automatic renewal). Ending, the leasing process gives the
 * unit back; renewed, the unit passes to the renewal. A renewal not in force by its start date is withdrawn then.
 */
class LeaseEnding {

    private final Lease lease;
    private LeaseNoticeGiven notice;

    LeaseEnding(Lease lease) {
        this.lease = lease;
    }

    /** Notice with the same termination date again changes nothing; another date once notice is given is refused. */
    @CommandHandler
    void handle(GiveNotice command) {
        Actor by = actor(command.requestedBy());
        if (!lease.isOwnerSide(by) && !lease.isTenant(by)) {
            throw new NotPermitted("only the lease's parties give notice");
        }
        if (lease.status() != LeaseStatus.ACTIVE) {
            throw new DomainRuleViolation("lease-not-active", "notice is given on a lease in force");
        }
        LocalDate date = required(command.terminationDate(), "terminationDate");
        if (notice != null) {
            if (notice.terminationDate().equals(date)) {
                return;
            }
            throw new DomainRuleViolation("notice-given", "notice was given already: the lease ends on "
                    + notice.terminationDate());
        }
        LocalDate today = today();
        LocalDate earliest = today.plusDays(lease.terms().noticePeriodDays());
        if (date.isBefore(earliest)) {
            throw new DomainRuleViolation("notice-too-short", "with " + lease.terms().noticePeriodDays()
                    + " days' notice the lease ends on " + earliest + " or later");
        }
        if (date.isAfter(lease.terms().endDate())) {
            throw new DomainRuleViolation("invalid-terminationDate", "notice ends the lease by its end date, "
                    + lease.terms().endDate());
        }
        apply(new LeaseNoticeGiven(lease.id(), today, date, Lease.reason(command.reason()), by.userId()));
    }

    @CommandHandler
    void handle(EndLeaseTerm command) {
        LocalDate asOf = required(command.asOf(), "asOf");
        if (lease.status() != LeaseStatus.ACTIVE) {
            lease.withdrawUnlessInForce(asOf);
            return;
        }
        if (notice != null && !notice.terminationDate().isAfter(asOf)) {
            apply(new LeaseTerminated(lease.id(), lease.propertyId(), lease.unitId(), notice.terminationDate(),
                                      notice.reason(), notice.noticeDate(), null, notice.givenBy()));
            lease.ended();
        } else if (lease.terms().endDate().isBefore(asOf) && lease.terms().autoRenewal()) {
            lease.renewAutomatically();
        } else if (lease.terms().endDate().isBefore(asOf)) {
            apply(new LeaseExpired(lease.id(), lease.propertyId(), lease.unitId(), lease.terms().endDate()));
        }
    }

    boolean noticeGiven() {
        return notice != null;
    }

    @EventSourcingHandler
    void on(LeaseNoticeGiven event) {
        notice = event;
    }
}
