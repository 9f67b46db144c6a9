package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/**
 * The property's verification moved on; {@code verified} allows it to be listed publicly. {@code verification} names
 * the property verification it comes from, and null when an admin recorded it directly (or an import did). It was
 * added later as a trailing, optional field: earlier payloads read with null, so the revision stays 1.
 */
@Revision("1")
public record PropertyVerificationChanged(PropertyId propertyId,
                                          PropertyVerificationStatus status,
                                          String notes,
                                          UserId decidedBy,
                                          VerificationId verification) {
}
