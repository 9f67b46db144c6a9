package io.alter8.command.lease;

import io.alter8.api.common.UserId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/** A lease's documents: every party writes and reads; the owner and every tenant sign (its agreement). */
@Component
class LeaseDocumentMembers extends DocumentEntities.Source<Lease> {

    LeaseDocumentMembers(Repository<Lease> leases) {
        super(DocumentEntityType.LEASE, leases, lease -> members(lease.proposal()));
    }

    private static DocumentEntities.Members members(LeaseProposed lease) {
        Set<UserId> signers = new HashSet<>(lease.tenants());
        signers.add(lease.ownerId());
        Set<UserId> writers = new HashSet<>(signers);
        if (lease.agentId() != null) {
            writers.add(lease.agentId());
        }
        if (lease.managerId() != null) {
            writers.add(lease.managerId());
        }
        return new DocumentEntities.Members(writers, Set.of(), signers);
    }
}
