package io.alter8.command.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;

import java.util.List;

/**
 * The property side of letting, as leases need it: what a unit to let belongs to, and its occupancy. Occupying and
 * vacating run in the lease command's transaction, so a lease is never active on a unit another lease holds.
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

    /** The lease takes the unit; 409 when another lease holds it. Again with the same lease, nothing changes. */
    void occupy(PropertyId propertyId, UnitId unitId, LeaseId leaseId, List<UserId> tenants);

    /** The lease gives the unit up. */
    void vacate(PropertyId propertyId, UnitId unitId, LeaseId leaseId);
}
