package io.alter8.query.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.verification.LegalFindings;
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
import io.alter8.query.EventStoreFixture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One verification's events as the aggregate applies them, with the ids of the people it names. */
final class VerificationTestEvents {

    static final String AGGREGATE = "PropertyVerification";
    static final Instant VISIT = Instant.parse("2026-12-01T10:00:00Z");
    static final MediaId PHOTO = new MediaId(UUID.fromString("7d1c9a52-2f0e-4b7a-9a55-0b1f3c5e6d01"));
    static final VerificationReport REPORT = new VerificationReport(
            8, List.of("damp wall"), List.of("repaint"), List.of(PHOTO), Map.of("plumbing", "ok"),
            new LegalFindings(true, true, List.of()), List.of());

    final VerificationId id = VerificationId.random();
    final UUID property;
    final UUID owner;
    final UUID executive = UUID.randomUUID();
    final UUID agent = UUID.randomUUID();
    final UUID admin = UUID.randomUUID();
    private long sequence = -1;

    VerificationTestEvents(UUID property, UUID owner) {
        this.property = property;
        this.owner = owner;
    }

    VerificationTestEvents() {
        this(UUID.randomUUID(), UUID.randomUUID());
    }

    VerificationOpened opened(VerificationType type) {
        return new VerificationOpened(id, new PropertyId(property), type, new UserId(owner), new UserId(owner));
    }

    VerificationAssigned assigned(UUID withAgent) {
        return new VerificationAssigned(id, new UserId(executive), withAgent == null ? null : new UserId(withAgent),
                                        VerificationStatus.ASSIGNED, new UserId(admin));
    }

    VerificationScheduled scheduled() {
        return new VerificationScheduled(id, VISIT, new UserId(executive));
    }

    VerificationStarted started() {
        return new VerificationStarted(id, new UserId(executive));
    }

    VerificationCompleted completed() {
        return new VerificationCompleted(id, new PropertyId(property), REPORT, new UserId(executive));
    }

    VerificationRejected rejected(String reason) {
        return new VerificationRejected(id, new PropertyId(property), reason, new UserId(executive));
    }

    VerificationFeedbackGiven feedback(Integer agentRating, int executiveRating) {
        return new VerificationFeedbackGiven(id, agentRating == null ? null : new UserId(agent), agentRating,
                                             new UserId(executive), executiveRating, "thanks", new UserId(owner));
    }

    /** The whole visit, with an agent, completed and rated. */
    List<Object> visited(int agentRating, int executiveRating) {
        return List.of(opened(VerificationType.LEGAL), assigned(agent), scheduled(), started(), completed(),
                       feedback(agentRating, executiveRating));
    }

    /** Appends events with the next sequence numbers; answers the position of the last. */
    long append(EventStoreFixture store, Object... events) {
        long position = -1;
        for (Object event : events) {
            position = store.append(AGGREGATE, id.value(), ++sequence, event);
        }
        return position;
    }
}
