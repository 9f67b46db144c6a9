package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Proposes a lease of a unit: by the property's owner, its listing agent or manager, an admin, or a tenant named in
 * it — a tenant's proposal is their application to rent the unit. {@code unitId} may be null for a property of one
 * unit; {@code agentId} null takes the property's listing agent, and only the owner or an admin names another;
 * {@code primaryTenant} null takes the first tenant.
 */
public record ProposeLease(@TargetAggregateIdentifier LeaseId leaseId,
                           PropertyId propertyId,
                           UnitId unitId,
                           List<UserId> tenants,
                           UserId primaryTenant,
                           UserId agentId,
                           LeaseTerms terms,
                           Actor requestedBy) {

    public ProposeLease {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
}
