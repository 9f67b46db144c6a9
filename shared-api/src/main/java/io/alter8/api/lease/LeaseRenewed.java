package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The lease was renewed: status {@code renewed}, and the new lease {@code renewedBy} (with its parties and terms, from
 * the day after this one's end) is opened by the leasing process. {@code automatic}: by its {@code autoRenewal} term
 * at its end date, at the escalated rent, with no one asking ({@code requestedBy} null). {@code depositHeld}: the
 * deposit this lease holds, which passes to the renewal when that goes into force; the renewal's terms may ask more
 * (a top-up) or less (the difference is refunded). Null in events stored before a renewal could change the deposit,
 * when the renewal's terms always asked the same.
 */
@Revision("1")
public record LeaseRenewed(LeaseId leaseId,
                           PropertyId propertyId,
                           UnitId unitId,
                           LeaseId renewedBy,
                           UserId ownerId,
                           UserId agentId,
                           UserId managerId,
                           List<UserId> tenants,
                           UserId primaryTenant,
                           LeaseTerms terms,
                           boolean automatic,
                           UserId requestedBy,
                           Money depositHeld) {

    public LeaseRenewed {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }
}
