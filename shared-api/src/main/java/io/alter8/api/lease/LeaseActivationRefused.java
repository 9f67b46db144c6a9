package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

/**
 * The property would not let the unit to the lease (another lease holds it, or the property cannot be let): the
 * lease stays approved and signed, not in force, and may be activated again. {@code reason} is the property's
 * refusal code ({@code unit-occupied}, {@code not-lettable} …), {@code detail} its words.
 */
@Revision("1")
public record LeaseActivationRefused(LeaseId leaseId,
                                     PropertyId propertyId,
                                     UnitId unitId,
                                     String reason,
                                     String detail) {
}
