package io.alter8.query.property;

import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PropertyDetailView;
import io.alter8.api.property.PropertyStatus;
import io.alter8.web.security.CurrentUser;

import java.util.UUID;

/**
 * Who may see a property. Everyone signed in, when it is {@code open}: listed publicly (public or featured) and
 * active. Otherwise only its people (owner, listing agent, manager) and those who read everything (admins,
 * auditors, analysts); to anyone else it does not exist (404). Lease ids are for the same privileged callers only.
 */
public record PropertyAccess(UUID owner, UUID agent, UUID manager, boolean open) {

    static final String[] READ_EVERYTHING = {"admin", "super_admin", "auditor", "analyst"};

    static boolean isOpen(String status, String listingStatus) {
        return PropertyStatus.ACTIVE.wire().equals(status) && !ListingStatus.PRIVATE.wire().equals(listingStatus);
    }

    static PropertyAccess of(PropertyDetailView view) {
        return new PropertyAccess(view.owner().id().value(),
                                  view.listingAgent() == null ? null : view.listingAgent().id().value(),
                                  view.propertyManager() == null ? null : view.propertyManager().id().value(),
                                  isOpen(view.status().wire(), view.listingStatus().wire()));
    }

    public boolean privileged(CurrentUser caller) {
        UUID id = caller.id();
        return id.equals(owner) || id.equals(agent) || id.equals(manager) || caller.hasAnyRole(READ_EVERYTHING);
    }

    public boolean visibleTo(CurrentUser caller) {
        return open || privileged(caller);
    }
}
