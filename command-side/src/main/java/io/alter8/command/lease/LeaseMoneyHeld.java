package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;

import java.time.LocalDate;
import java.util.List;

/** Money a user is bound up in through leases: what the lease feature answers to the erasure of a user. */
public interface LeaseMoneyHeld {

    /**
     * Leases of which {@code tenant} is a tenant that are owed money as of {@code asOf}: the charges and fees due by
     * then exceed the payments.
     */
    List<LeaseId> owedBy(UserId tenant, LocalDate asOf);

    /** Leases {@code party} is a tenant or the owner of whose deposit is still held: not yet refunded in full. */
    List<LeaseId> depositsUnsettled(UserId party);
}
