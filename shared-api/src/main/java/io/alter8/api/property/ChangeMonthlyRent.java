package io.alter8.api.property;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets a property's monthly rent. {@code expectedVersion}, when given, is the version the client last saw; the
 * change is refused if the property has moved on since.
 */
public record ChangeMonthlyRent(@TargetAggregateIdentifier PropertyId propertyId,
                                Money monthlyRent,
                                Actor requestedBy,
                                @TargetAggregateVersion Long expectedVersion) {
}
