package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;

import java.util.List;

/** The leases a user is party to that have not ended: what the lease feature answers to the erasure of a user. */
public interface OpenLeases {

    /**
     * Leases naming {@code party} that are neither rejected, terminated nor a withdrawn renewal: draft, pending
     * approval or active.
     */
    List<LeaseId> of(UserId party);
}
