package io.alter8.command.property;

import io.alter8.api.common.VerificationId;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyVerificationChanged;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.user.Actor;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.api.verification.RequestPropertyVerification;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.Map;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The verification of a {@link Property}, which gates its public listing. The owner, its listing agent or an admin
 * request one ({@link RequestPropertyVerification}); at most one is open at a time, and the property sees every
 * request and every outcome, so it holds that rule without a lookup. The verification process reports how it ended
 * ({@link RecordVerificationOutcome} with its id); admins may still record an outcome directly. Whatever ends the
 * verified status makes a public listing private again (the root's rule).
 */
class VerificationGate {

    /** Who may ask, whether it is sold, and the listing that follows the outcome: the root decides those. */
    private final Property property;
    private PropertyVerificationStatus status;
    /** The verification under way, if any; every one ever requested, with its type, for retries. */
    private VerificationId open;
    private final Map<VerificationId, VerificationType> requested = new HashMap<>();

    VerificationGate(Property property) {
        this.property = property;
    }

    /**
     * A pending or rejected property is then {@code in_progress}; a verified one stays verified (and listed) while
     * it is verified again, until the new outcome.
     */
    @CommandHandler
    void handle(RequestPropertyVerification command) {
        Actor by = actor(command.requestedBy());
        People people = property.people();
        if (!(people.isOwnerOrAdmin(by) || people.isAgent(by))) {
            throw property.refusal(by, "only the owner, its listing agent or admins ask for a verification");
        }
        VerificationId verification = required(command.verificationId(), "verificationId");
        VerificationType type = required(command.type(), "type");
        VerificationType earlier = requested.get(verification);
        if (earlier != null) {
            if (earlier == type) {
                return;
            }
            throw new DomainRuleViolation("verification-exists",
                                          "verification " + verification + " was requested with another type");
        }
        property.requireNotSold();
        if (open != null) {
            throw new DomainRuleViolation("verification-open",
                                          "verification " + open + " of this property is still open");
        }
        apply(new PropertyVerificationRequested(property.id(), verification, type, people.owner(), by.userId()));
        if (status == PropertyVerificationStatus.PENDING || status == PropertyVerificationStatus.REJECTED) {
            record(PropertyVerificationStatus.IN_PROGRESS, null, by, verification);
        }
    }

    /** Admins record an outcome directly; the verification process records how a verification ended. */
    @CommandHandler
    void handle(RecordVerificationOutcome command) {
        Actor by = actor(command.requestedBy());
        PropertyVerificationStatus outcome = required(command.status(), "status");
        if (command.verification() != null) {
            recordOutcomeOf(command.verification(), outcome, Property.blankToNull(command.notes()), by);
            return;
        }
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins record the outcome of a verification");
        }
        property.requireNotSold();
        if (outcome == status) {
            return;
        }
        record(outcome, Property.blankToNull(command.notes()), by, null);
    }

    /**
     * Only the process (Alter8 itself, not a person) reports a verification's end. It is not refused on a sold
     * property, so that the process never stalls; the end of a verification that is no longer open (a repeat)
     * changes nothing.
     */
    private void recordOutcomeOf(VerificationId ended, PropertyVerificationStatus outcome, String notes, Actor by) {
        if (!by.equals(Actor.system())) {
            throw new NotPermitted("only the verification process records the outcome of a verification");
        }
        if (outcome != PropertyVerificationStatus.VERIFIED && outcome != PropertyVerificationStatus.REJECTED) {
            throw new DomainRuleViolation("invalid-outcome", "a verification ends verified or rejected");
        }
        if (!ended.equals(open)) {
            return;
        }
        record(outcome, notes, by, ended);
    }

    /** An import records the outcome it was given, unless the property already has it. */
    void recordImported(PropertyVerificationStatus outcome, Actor by) {
        if (outcome != null && outcome != status) {
            record(outcome, null, by, null);
        }
    }

    boolean verified() {
        return status == PropertyVerificationStatus.VERIFIED;
    }

    private void record(PropertyVerificationStatus outcome, String notes, Actor by, VerificationId from) {
        apply(new PropertyVerificationChanged(property.id(), outcome, notes, by.userId(), from));
        property.unlistIfNoLongerListable(by.userId());
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(PropertyRegistered event) {
        status = PropertyVerificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PropertyVerificationRequested event) {
        requested.put(event.verificationId(), event.type());
        open = event.verificationId();
    }

    @EventSourcingHandler
    void on(PropertyVerificationChanged event) {
        status = event.status();
        if (event.verification() != null && event.verification().equals(open)
                && (event.status() == PropertyVerificationStatus.VERIFIED
                    || event.status() == PropertyVerificationStatus.REJECTED)) {
            open = null;
        }
    }
}
