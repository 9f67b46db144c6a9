package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The lease is in force: the leasing process occupied its unit first ({@link LeaseActivationRequested}). */
@Revision("1")
public record LeaseActivated(LeaseId leaseId,
                             PropertyId propertyId,
                             UnitId unitId,
                             List<UserId> tenants,
                             UserId activatedBy) {

    public LeaseActivated {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
}
