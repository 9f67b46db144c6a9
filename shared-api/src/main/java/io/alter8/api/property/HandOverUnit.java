package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Sent by the leasing process only, when a renewal of {@code fromLeaseId} comes into force: the unit passes straight
 * to {@code toLeaseId}, never available in between.
 */
public record HandOverUnit(@TargetAggregateIdentifier PropertyId propertyId,
                           UnitId unitId,
                           LeaseId fromLeaseId,
                           LeaseId toLeaseId,
                           List<UserId> tenants) {

    public HandOverUnit {
        tenants = Collections.copy(tenants);
    }
}
