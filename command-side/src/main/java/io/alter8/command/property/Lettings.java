package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;

/**
 * The property side of letting, as a lease's proposal needs it: what a unit to let belongs to. Its occupancy is the
 * leasing process's ({@code io.alter8.command.lease.LeaseOccupancy}), by commands to the property.
 */
public interface Lettings {

    /**
     * A unit that may be let, with the people its property had when asked ({@code agentId}/{@code managerId} may be
     * null), and whether its listing is public or featured.
     */
    record LettableUnit(PropertyId propertyId, UnitId unitId, UserId ownerId, UserId agentId, UserId managerId,
                        String currency, boolean listed) {
    }

    /** The unit {@code unitId} of the property ({@code null}: its only unit); 404 or 409 when it cannot be let. */
    LettableUnit unitToLet(PropertyId propertyId, UnitId unitId);
}
