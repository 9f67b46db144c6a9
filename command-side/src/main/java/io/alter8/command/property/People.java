package io.alter8.command.property;

import io.alter8.api.common.UserId;
import io.alter8.api.property.AssignListingAgent;
import io.alter8.api.property.AssignPropertyManager;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.UserRoles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Objects;

import static io.alter8.command.CommandArguments.actor;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Who owns, lists and manages a {@link Property}, and what each of them may do. The owner or an admin choose the
 * listing agent (an active agent) and the property manager (an active property manager), or let either go; the
 * owner, its listing agent, its property manager and admins run the listing.
 */
class People {

    /** Whether it is sold, and how a refusal is answered: the root decides those. */
    private final Property property;
    private UserId owner;
    private UserId agent;
    private UserId manager;

    People(Property property) {
        this.property = property;
    }

    @CommandHandler
    void handle(AssignListingAgent command, UserRoles users) {
        Actor by = actor(command.requestedBy());
        requireOwnerOrAdmin(by, "only the owner or admins choose the listing agent");
        property.requireNotSold();
        if (Objects.equals(command.agentId(), agent)) {
            return;
        }
        if (command.agentId() != null && !users.isActive(command.agentId(), Role.AGENT)) {
            throw new DomainRuleViolation("not-an-agent", "the listing agent must be an active agent");
        }
        apply(new ListingAgentChanged(property.id(), agent, command.agentId(), by.userId()));
    }

    @CommandHandler
    void handle(AssignPropertyManager command, UserRoles users) {
        Actor by = actor(command.requestedBy());
        requireOwnerOrAdmin(by, "only the owner or admins choose the property manager");
        property.requireNotSold();
        if (Objects.equals(command.managerId(), manager)) {
            return;
        }
        if (command.managerId() != null && !users.isActive(command.managerId(), Role.PROPERTY_MANAGER)) {
            throw new DomainRuleViolation("not-a-property-manager",
                                          "the property manager must be an active property manager");
        }
        apply(new PropertyManagerChanged(property.id(), manager, command.managerId(), by.userId()));
    }

    /**
     * Owners register their own properties; admins and property managers register for a named owner (a manager only
     * with that owner's mandate, checked by the root).
     */
    static UserId ownerFor(Actor by, UserId named) {
        if (by.role() == Role.OWNER) {
            if (named != null && !by.is(named)) {
                throw new NotPermitted("owners register properties for themselves only");
            }
            return by.userId();
        }
        if (by.role().isAdmin() || by.role() == Role.PROPERTY_MANAGER) {
            if (named == null) {
                throw new DomainRuleViolation("missing-ownerId",
                                              "ownerId is required when an admin or property manager registers");
            }
            return named;
        }
        throw new NotPermitted("only owners, property managers and admins register properties");
    }

    /** Owner, listing agent, property manager or admin: those who run the listing. */
    void requireMayRun(Actor by) {
        if (!runs(by)) {
            throw property.refusal(by, "only the owner, its listing agent, its property manager or admins change it");
        }
    }

    void requireOwnerManagerOrAdmin(Actor by, String refusal) {
        if (!(isOwnerOrAdmin(by) || by.is(manager))) {
            throw property.refusal(by, refusal);
        }
    }

    void requireOwnerOrAdmin(Actor by, String refusal) {
        if (!isOwnerOrAdmin(by)) {
            throw property.refusal(by, refusal);
        }
    }

    boolean runs(Actor by) {
        return isOwnerOrAdmin(by) || by.is(agent) || by.is(manager);
    }

    boolean isOwnerOrAdmin(Actor by) {
        return by.is(owner) || by.role().isAdmin();
    }

    boolean isAgent(Actor by) {
        return by.is(agent);
    }

    UserId owner() {
        return owner;
    }

    UserId agent() {
        return agent;
    }

    UserId manager() {
        return manager;
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(PropertyRegistered event) {
        owner = event.ownerId();
    }

    @EventSourcingHandler
    void on(ListingAgentChanged event) {
        agent = event.agent();
    }

    @EventSourcingHandler
    void on(PropertyManagerChanged event) {
        manager = event.manager();
    }
}
