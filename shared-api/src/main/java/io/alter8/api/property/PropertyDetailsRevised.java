package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

/** The description of a property replaced as a whole: what it is, where, whom it suits, how it is found and what it is worth. */
@Revision("1")
public record PropertyDetailsRevised(PropertyId propertyId,
                                     String title,
                                     String description,
                                     PropertyType propertyType,
                                     PropertySpecs specs,
                                     PropertyLocation location,
                                     TenantPreferences preferences,
                                     ListingSeo seo,
                                     MarketData marketData) {
}
