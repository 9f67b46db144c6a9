package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

/** New rental terms (rent, deposit, charges, availability, lease duration). */
@Revision("1")
public record RentalTermsChanged(PropertyId propertyId,
                                 RentalTerms terms) {
}
