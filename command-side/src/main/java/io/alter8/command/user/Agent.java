package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.user.Actor;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.ReviewAgentLicence;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.UpdateAgentProfile;
import io.alter8.api.user.UserRegistered;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.today;
import static io.alter8.command.user.UserAccount.blankToNull;
import static io.alter8.command.user.UserAccount.isBlank;
import static io.alter8.command.user.UserAccount.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The agent side of a {@link UserAccount}: the agent profile (a RERA licence in India, a licence that has not
 * expired, a commission rate of 0 to 10 %) and the review of its licence; editing a reviewed licence sends it back
 * to pending. Another role ends all of it.
 */
class Agent {

    private static final BigDecimal MAX_COMMISSION_RATE = BigDecimal.TEN;
    private static final int MAX_EXPERIENCE_YEARS = 70;
    /** A suspension is not lifted by editing the licence; a verification or a rejection is of the old one. */
    private static final Set<AgentVerificationStatus> LICENCE_TO_REVIEW_AGAIN =
            Set.of(AgentVerificationStatus.VERIFIED, AgentVerificationStatus.REJECTED);

    /** Who may act, whether the account is active and its role and country: the root decides those. */
    private final UserAccount account;
    private AgentProfile profile;
    private AgentVerificationStatus licenceStatus;

    Agent(UserAccount account) {
        this.account = account;
    }

    @CommandHandler
    void handle(UpdateAgentProfile command) {
        Actor by = account.requireEditorOfRole(command.requestedBy(), Role.AGENT, "an agent profile");
        AgentProfile wanted = required(command.profile(), "profile");
        if (account.country() == Country.IN && isBlank(wanted.reraLicence())) {
            throw new DomainRuleViolation("missing-reraLicence", "agents in India need a RERA licence number");
        }
        if (wanted.licenceExpiry() != null && !wanted.licenceExpiry().isAfter(today())) {
            throw new DomainRuleViolation("licence-expired", "the licence expiry must be in the future");
        }
        BigDecimal rate = wanted.commissionRate();
        if (rate != null && (rate.signum() < 0 || rate.compareTo(MAX_COMMISSION_RATE) > 0)) {
            throw new DomainRuleViolation("invalid-commissionRate", "the commission rate must be between 0 and 10 %");
        }
        if (wanted.experienceYears() != null
                && (wanted.experienceYears() < 0 || wanted.experienceYears() > MAX_EXPERIENCE_YEARS)) {
            throw new DomainRuleViolation("invalid-experienceYears",
                                          "experience must be between 0 and " + MAX_EXPERIENCE_YEARS + " years");
        }
        for (ServiceArea area : wanted.serviceAreas()) {
            requireText(area.city(), "serviceAreas.city");
        }
        if (wanted.equals(profile)) {
            return;
        }
        AgentProfile previous = profile;
        apply(new AgentProfileUpdated(account.id(), wanted, by.userId()));
        if (LICENCE_TO_REVIEW_AGAIN.contains(licenceStatus) && licenceChanged(previous, wanted)) {
            apply(new AgentVerificationStatusChanged(account.id(), licenceStatus, AgentVerificationStatus.PENDING,
                                                     "licence details changed", null));
        }
    }

    @CommandHandler
    void handle(ReviewAgentLicence command) {
        Actor by = account.requireReviewerOfActive(command.reviewer(), "only admins review licences");
        AgentVerificationStatus next = required(command.status(), "status");
        if (profile == null) {
            throw new DomainRuleViolation("no-agent-profile", "the user has no agent profile to review");
        }
        if (next == AgentVerificationStatus.VERIFIED) {
            if (isBlank(profile.reraLicence())) {
                throw new DomainRuleViolation("licence-incomplete", "a licence cannot be verified without its number");
            }
            if (profile.licenceExpiry() != null && !profile.licenceExpiry().isAfter(today())) {
                throw new DomainRuleViolation("licence-expired", "an expired licence cannot be verified");
            }
        }
        if (next == licenceStatus) {
            return;
        }
        apply(new AgentVerificationStatusChanged(account.id(), licenceStatus, next, blankToNull(command.note()),
                                                 by.userId()));
    }

    private static boolean licenceChanged(AgentProfile before, AgentProfile after) {
        return before == null
                || !Objects.equals(before.reraLicence(), after.reraLicence())
                || !Objects.equals(before.licenceExpiry(), after.licenceExpiry());
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(UserRegistered event) {
        licenceStatus = AgentVerificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        profile = null;
        licenceStatus = AgentVerificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(AgentProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(AgentVerificationStatusChanged event) {
        licenceStatus = event.status();
    }
}
