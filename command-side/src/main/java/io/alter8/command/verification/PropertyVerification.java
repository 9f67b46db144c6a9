package io.alter8.command.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.api.verification.AssignVerification;
import io.alter8.api.verification.CompleteVerification;
import io.alter8.api.verification.GiveVerificationFeedback;
import io.alter8.api.verification.LegalFindings;
import io.alter8.api.verification.OpenVerification;
import io.alter8.api.verification.RejectVerification;
import io.alter8.api.verification.ScheduleVerification;
import io.alter8.api.verification.StartVerification;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationCompleted;
import io.alter8.api.verification.VerificationFeedbackGiven;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.api.verification.VerificationRejected;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationScheduled;
import io.alter8.api.verification.VerificationStarted;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.UserRoles;
import io.alter8.command.document.DocumentEntities;
import io.alter8.command.media.MediaVerifications;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.now;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A verification of a property (marketplace model {@code property_verifications}): who visits, when, what they found,
 * how it ended, and the owner's ratings of the people who came.
 * <pre>
 * pending     → assigned                      (admins name a field executive, optionally an agent)
 * assigned    → in_progress                   (the assigned field executive starts)
 * pending, assigned, in_progress → rejected   (the assigned field executive or admins, with a reason)
 * assigned, in_progress → completed           (the assigned field executive or admins, with the report)
 * </pre>
 * Reassignment is allowed until the verification is final; a new field executive starts afresh (assigned, no
 * schedule). A field executive acts only on verifications assigned to them. Once final, only the property's owner
 * may still give (and revise) feedback. Opened only by the verification process, from the property's own request,
 * which checked who asked ({@link VerificationProcess}).
 */
@Aggregate
class PropertyVerification {

    static final int MAX_TEXT = 2000;

    @AggregateIdentifier
    private VerificationId id;
    private PropertyId propertyId;
    private UserId ownerId;
    private VerificationType type;
    private VerificationStatus status;
    private UserId fieldExecutiveId;
    private UserId agentId;
    private Instant scheduledAt;
    private VerificationReport report;
    private String rejectionReason;
    private VerificationFeedbackGiven feedback;

    PropertyVerification() {
        // for Axon
    }

    /** The process opens it; opening it again (the process retried) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenVerification command) {
        if (id != null) {
            return;
        }
        required(command.propertyId(), "propertyId");
        required(command.ownerId(), "ownerId");
        required(command.type(), "type");
        apply(new VerificationOpened(command.verificationId(), command.propertyId(), command.type(),
                                     command.ownerId(), command.requestedBy()));
    }

    @CommandHandler
    void handle(AssignVerification command, UserRoles users) {
        Actor by = actor(command.requestedBy());
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins assign verifications");
        }
        requireOpen();
        UserId executive = required(command.fieldExecutiveId(), "fieldExecutiveId");
        if (executive.equals(fieldExecutiveId) && Objects.equals(command.agentId(), agentId)) {
            return;
        }
        if (!users.isActive(executive, Role.FIELD_EXECUTIVE)) {
            throw new DomainRuleViolation("not-a-field-executive", "the field executive must be an active one");
        }
        if (command.agentId() != null && !users.isActive(command.agentId(), Role.AGENT)) {
            throw new DomainRuleViolation("not-an-agent", "the agent must be an active agent");
        }
        VerificationStatus next = executive.equals(fieldExecutiveId) && status == VerificationStatus.IN_PROGRESS
                ? VerificationStatus.IN_PROGRESS : VerificationStatus.ASSIGNED;
        apply(new VerificationAssigned(id, executive, command.agentId(), next, by.userId()));
    }

    @CommandHandler
    void handle(ScheduleVerification command) {
        Actor by = actor(command.requestedBy());
        requireExecutiveOrAdmin(by, "only the assigned field executive or admins schedule the visit");
        Instant at = required(command.scheduledAt(), "scheduledAt");
        if (status != VerificationStatus.ASSIGNED) {
            throw new DomainRuleViolation("not-assigned", "only an assigned verification that has not started is "
                    + "scheduled; it is " + status.wire());
        }
        if (at.equals(scheduledAt)) {
            return;
        }
        if (!at.isAfter(now())) {
            throw new DomainRuleViolation("scheduled-in-past", "a visit is scheduled in the future");
        }
        apply(new VerificationScheduled(id, at, by.userId()));
    }

    @CommandHandler
    void handle(StartVerification command) {
        Actor by = actor(command.requestedBy());
        if (!isAssignedExecutive(by)) {
            throw new NotPermitted("only the assigned field executive starts the visit");
        }
        if (status == VerificationStatus.IN_PROGRESS) {
            return;
        }
        if (status != VerificationStatus.ASSIGNED) {
            throw new DomainRuleViolation("not-assigned", "a " + status.wire() + " verification cannot start");
        }
        apply(new VerificationStarted(id, by.userId()));
    }

    /** Completing again with the same report changes nothing; with another, it is refused (a report is final). */
    @CommandHandler
    void handle(CompleteVerification command, ReportMedia media) {
        Actor by = actor(command.requestedBy());
        requireExecutiveOrAdmin(by, "only the assigned field executive or admins complete a verification");
        VerificationReport filed = required(command.report(), "report");
        if (status == VerificationStatus.COMPLETED && filed.equals(report)) {
            return;
        }
        requireOpen();
        if (status == VerificationStatus.PENDING) {
            throw new DomainRuleViolation("not-assigned", "a verification is completed after a field executive "
                    + "was assigned");
        }
        checkReport(filed, media);
        apply(new VerificationCompleted(id, propertyId, filed, by.userId()));
    }

    @CommandHandler
    void handle(RejectVerification command) {
        Actor by = actor(command.requestedBy());
        requireExecutiveOrAdmin(by, "only the assigned field executive or admins reject a property");
        String reason = text(command.reason());
        if (reason == null) {
            throw new DomainRuleViolation("missing-reason", "a rejection says why");
        }
        if (status == VerificationStatus.REJECTED && reason.equals(rejectionReason)) {
            return;
        }
        requireOpen();
        apply(new VerificationRejected(id, propertyId, reason, by.userId()));
    }

    /** The owner rates who came; a later feedback replaces theirs, the same one again changes nothing. */
    @CommandHandler
    void handle(GiveVerificationFeedback command) {
        Actor by = actor(command.requestedBy());
        if (!by.is(ownerId)) {
            throw new NotPermitted("only the property's owner gives feedback on its verification");
        }
        if (!status.isFinal()) {
            throw new DomainRuleViolation("not-final", "feedback is given once the verification is completed or "
                    + "rejected");
        }
        if (fieldExecutiveId == null) {
            throw new DomainRuleViolation("nobody-visited", "no field executive was assigned to rate");
        }
        Integer executiveRating = required(command.executiveRating(), "executiveRating");
        rating(executiveRating, "executiveRating");
        if (agentId == null && command.agentRating() != null) {
            throw new DomainRuleViolation("no-agent", "no agent was assigned to rate");
        }
        if (agentId != null) {
            rating(required(command.agentRating(), "agentRating"), "agentRating");
        }
        String text = text(command.feedback());
        if (text != null && text.length() > MAX_TEXT) {
            throw new DomainRuleViolation("feedback-too-long", "feedback is at most " + MAX_TEXT + " characters");
        }
        VerificationFeedbackGiven given = new VerificationFeedbackGiven(id, agentId, command.agentRating(),
                                                                        fieldExecutiveId, executiveRating, text,
                                                                        by.userId());
        if (given.equals(feedback)) {
            return;
        }
        apply(given);
    }

    // ------------------------------------------------------------------------------------------------- decisions

    /**
     * The quality score is 1 to 10; a legal verification must report its legal findings (title clear or not); every
     * medium it names is one of the property's (bad input, 400, naming each unknown one); bare URLs are only those
     * of reports filed before media existed.
     */
    private void checkReport(VerificationReport filed, ReportMedia media) {
        if (!filed.legacyMediaUrls().isEmpty()) {
            throw ApiException.badInput("legacyMediaUrls", "a report names media ids, not URLs");
        }
        if (!filed.mediaIds().isEmpty()) {
            Set<MediaId> known = media.of(propertyId);
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < filed.mediaIds().size(); i++) {
                if (!known.contains(filed.mediaIds().get(i))) {
                    unknown.add(new FieldError("mediaIds[" + i + "]", "is not a medium of this property"));
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiException.badInput(unknown);
            }
        }
        if (filed.qualityScore() < 1 || filed.qualityScore() > 10) {
            throw new DomainRuleViolation("invalid-qualityScore", "the quality score is 1 to 10");
        }
        LegalFindings legal = filed.legal();
        if (type == VerificationType.LEGAL && (legal == null || legal.titleClear() == null)) {
            throw new DomainRuleViolation("missing-legal", "a legal verification reports its legal findings: "
                    + "documents verified, title clear and legal issues");
        }
    }

    /** Its documents' people: the assigned field executive writes, the owner and the agent read. */
    DocumentEntities.Members documentMembers() {
        Set<UserId> readers = new HashSet<>();
        readers.add(ownerId);
        if (agentId != null) {
            readers.add(agentId);
        }
        Set<UserId> writers = fieldExecutiveId == null ? Set.of() : Set.of(fieldExecutiveId);
        return new DocumentEntities.Members(writers, readers, writers);
    }

    /** What the property's media ask of it when its field executive uploads or reviews for it. */
    MediaVerifications.Assignment mediaAssignment() {
        return new MediaVerifications.Assignment(propertyId, fieldExecutiveId, !status.isFinal());
    }

    private void requireOpen() {
        if (status.isFinal()) {
            throw new DomainRuleViolation("verification-final", "the verification is " + status.wire());
        }
    }

    private void requireExecutiveOrAdmin(Actor by, String refusal) {
        if (!(isAssignedExecutive(by) || by.role().isAdmin())) {
            throw new NotPermitted(refusal);
        }
    }

    /** A field executive acts on verifications assigned to them, and only those. */
    private boolean isAssignedExecutive(Actor by) {
        return by.role() == Role.FIELD_EXECUTIVE && by.is(fieldExecutiveId);
    }

    private static void rating(int value, String field) {
        if (value < 1 || value > 5) {
            throw new DomainRuleViolation("invalid-" + field, field + " is 1 to 5");
        }
    }

    // ----------------------------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(VerificationOpened event) {
        id = event.verificationId();
        propertyId = event.propertyId();
        ownerId = event.ownerId();
        type = event.type();
        status = VerificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(VerificationAssigned event) {
        if (!event.fieldExecutiveId().equals(fieldExecutiveId)) {
            scheduledAt = null;
        }
        fieldExecutiveId = event.fieldExecutiveId();
        agentId = event.agentId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(VerificationScheduled event) {
        scheduledAt = event.scheduledAt();
    }

    @EventSourcingHandler
    void on(VerificationStarted event) {
        status = VerificationStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(VerificationCompleted event) {
        report = event.report();
        status = VerificationStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(VerificationRejected event) {
        rejectionReason = event.reason();
        status = VerificationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(VerificationFeedbackGiven event) {
        feedback = event;
    }
}
