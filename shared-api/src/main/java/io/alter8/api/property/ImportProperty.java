package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bulk seeding (admins only): registers a property and, in the same command, records its verification outcome,
 * activates it and sets its listing status — each step only if given and not already so, each through the same
 * rules and events as the single commands. {@code registration.requestedBy()} is who imports.
 */
public record ImportProperty(@TargetAggregateIdentifier PropertyId propertyId,
                             RegisterProperty registration,
                             PropertyVerificationStatus verification,
                             boolean activate,
                             ListingStatus listingStatus) {
}
