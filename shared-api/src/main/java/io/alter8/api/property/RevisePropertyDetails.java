package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces what a property is, where, whom it suits, its SEO and market data (owner, its manager, listing agent, admins). */
public record RevisePropertyDetails(@TargetAggregateIdentifier PropertyId propertyId,
                                    String title,
                                    String description,
                                    PropertyType propertyType,
                                    PropertySpecs specs,
                                    PropertyLocation location,
                                    TenantPreferences preferences,
                                    ListingSeo seo,
                                    MarketData marketData,
                                    Actor requestedBy,
                                    @TargetAggregateVersion Long expectedVersion) {
}
