package io.alter8.command.property;

import io.alter8.api.common.UserId;
import io.alter8.api.property.PropertyReviewed;
import io.alter8.api.property.ReviewProperty;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Tenants' reviews of a {@link Property}: only tenants of a past or current lease of one of its units rate it, 1 to
 * 5, with an optional comment of at most {@value #MAX_REVIEW_LENGTH} characters; a later review replaces their
 * earlier one.
 */
class Reviews {

    static final int MAX_REVIEW_LENGTH = 2000;

    /** Whether a refused reviewer may know that the property exists: the root decides. */
    private final Property property;
    /** Everyone who was ever a tenant under a lease of one of its units. */
    private final Set<UserId> tenants = new HashSet<>();
    private final Map<UserId, PropertyReviewed> reviews = new HashMap<>();

    Reviews(Property property) {
        this.property = property;
    }

    @CommandHandler
    void handle(ReviewProperty command) {
        Actor by = actor(command.requestedBy());
        if (!tenants.contains(by.userId())) {
            throw property.refusal(by, "only tenants of a past or current lease of this property review it");
        }
        if (command.rating() < 1 || command.rating() > 5) {
            throw new DomainRuleViolation("invalid-rating", "a rating is 1 to 5");
        }
        String comment = Property.blankToNull(command.comment());
        if (comment != null && comment.length() > MAX_REVIEW_LENGTH) {
            throw new DomainRuleViolation("comment-too-long", "a review's comment is at most 2000 characters");
        }
        PropertyReviewed review = new PropertyReviewed(property.id(), by.userId(), command.rating(), comment);
        if (review.equals(reviews.get(by.userId()))) {
            return;
        }
        apply(review);
    }

    @EventSourcingHandler
    void on(UnitOccupied event) {
        tenants.addAll(event.tenants());
    }

    @EventSourcingHandler
    void on(PropertyReviewed event) {
        reviews.put(event.reviewer(), event);
    }
}
