package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A party turned the lease down (approval {@code rejected}); nothing moves it on afterwards. */
@Revision("1")
public record LeaseRejected(LeaseId leaseId,
                            LeaseParty party,
                            UserId rejectedBy,
                            String reason) {
}
