package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The owner's side asked to put a fully approved, signed lease into force. The leasing process now takes the unit:
 * {@link LeaseActivated} follows when it was free, {@link LeaseActivationRefused} when it was not. A renewal's
 * ({@code renewedFrom}: the lease it renews; null for any other) takes the unit over from that lease instead.
 */
@Revision("1")
public record LeaseActivationRequested(LeaseId leaseId,
                                       PropertyId propertyId,
                                       UnitId unitId,
                                       List<UserId> tenants,
                                       UserId requestedBy,
                                       LeaseId renewedFrom) {

    public LeaseActivationRequested {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** The activation of a lease that renews none. */
    public LeaseActivationRequested(LeaseId leaseId, PropertyId propertyId, UnitId unitId, List<UserId> tenants,
                                    UserId requestedBy) {
        this(leaseId, propertyId, unitId, tenants, requestedBy, null);
    }
}
