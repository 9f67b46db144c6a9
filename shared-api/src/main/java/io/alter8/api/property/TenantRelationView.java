package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;

import java.time.Instant;

/**
 * A tenant's relation to one of an owner's properties, as the owner sees it: which property, unit and lease, since
 * when and until when ({@code endedAt} null while it lasts), and who the tenant is, with the phone masked. Unit and
 * lease are null for a relation without them (an application). The tenant's name and phone are null if the user
 * directory does not know them yet.
 */
public record TenantRelationView(Tenant tenant,
                                 PropertyId propertyId,
                                 String propertyTitle,
                                 UnitId unitId,
                                 String unitNumber,
                                 LeaseId leaseId,
                                 TenantRelation relation,
                                 Instant since,
                                 Instant endedAt) {

    /** The tenant by name and masked phone only: no e-mail, no identity data. */
    public record Tenant(UserId id, String firstName, String lastName, String phoneMasked) {
    }
}
