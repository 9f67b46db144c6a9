package io.alter8.api.lease;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;

/**
 * Leases, newest first, every filter optional. {@code partyId} limits them to the leases that person is party to
 * (owner, agent, manager or tenant); null means all, for those who may read every lease.
 */
public record FindLeases(UserId partyId,
                         PropertyId propertyId,
                         LeaseStatus status,
                         Boolean application,
                         int page,
                         int size) {
}
