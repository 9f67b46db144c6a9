package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property's verification moved on; {@code verified} allows it to be listed publicly. */
@Revision("1")
public record PropertyVerificationChanged(PropertyId propertyId,
                                          PropertyVerificationStatus status,
                                          String notes,
                                          UserId decidedBy) {
}
