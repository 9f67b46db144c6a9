package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A lease was proposed: who is party to it (owner, agent and manager as the property had them), which unit, on what
 * terms. When {@code proposedBy} is one of the tenants, the proposal is that tenant's application. {@code renewedFrom}:
 * the lease this one renews (null for any other), and {@code renewedDeposit} the deposit that lease holds, which this
 * one carries over when it goes into force (null for any other, and in renewals stored before a renewal could change
 * the deposit: then its own terms' deposit, the same).
 */
@Revision("1")
public record LeaseProposed(LeaseId leaseId,
                            PropertyId propertyId,
                            UnitId unitId,
                            UserId ownerId,
                            UserId agentId,
                            UserId managerId,
                            List<UserId> tenants,
                            UserId primaryTenant,
                            LeaseTerms terms,
                            UserId proposedBy,
                            LeaseId renewedFrom,
                            Money renewedDeposit) {

    public LeaseProposed {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** The proposal of a lease that renews none. */
    public LeaseProposed(LeaseId leaseId, PropertyId propertyId, UnitId unitId, UserId ownerId, UserId agentId,
                         UserId managerId, List<UserId> tenants, UserId primaryTenant, LeaseTerms terms,
                         UserId proposedBy) {
        this(leaseId, propertyId, unitId, ownerId, agentId, managerId, tenants, primaryTenant, terms, proposedBy, null,
             null);
    }

    /** Whether a tenant proposed it: an application to rent. */
    @JsonIgnore
    public boolean isApplication() {
        return tenants.contains(proposedBy);
    }
}
