package io.alter8.api.lease;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lease as its parties see it: who, what, on which terms, who agreed and signed, and how it ended. {@code
 * application} when a tenant proposed it; {@code version} is the lease's, for {@code If-Match}; {@code renewedFrom}
 * and {@code renewedBy} link a renewal and the lease it renews.
 */
public record LeaseView(LeaseId id,
                        PropertyId propertyId,
                        UnitId unitId,
                        UserId ownerId,
                        UserId agentId,
                        UserId managerId,
                        List<Tenant> tenants,
                        UserId proposedBy,
                        boolean application,
                        LeaseTerms terms,
                        LeaseStatus status,
                        LeaseApprovalStatus approvalStatus,
                        Instant ownerApprovedAt,
                        Rejection rejection,
                        String ownerSignatureUrl,
                        UserId witnessId,
                        String witnessSignatureUrl,
                        String agreementUrl,
                        Instant signedAt,
                        Instant activatedAt,
                        Termination termination,
                        Instant createdAt,
                        Instant updatedAt,
                        long version,
                        LeaseId renewedFrom,
                        LeaseId renewedBy,
                        Agreement agreement) {

    /** The same lease with {@code tenants}, for readers that load a lease's tenants apart from it. */
    public LeaseView withTenants(List<Tenant> tenants) {
        return new LeaseView(id, propertyId, unitId, ownerId, agentId, managerId, tenants, proposedBy, application,
                             terms, status, approvalStatus, ownerApprovedAt, rejection, ownerSignatureUrl, witnessId,
                             witnessSignatureUrl, agreementUrl, signedAt, activatedAt, termination, createdAt,
                             updatedAt, version, renewedFrom, renewedBy, agreement);
    }

    /**
     * The agreement document the lease recorded once every party signed it (null until then): the document, its
     * signed version, and when the lease recorded it.
     */
    public record Agreement(DocumentId documentId, int version, Instant signedAt) {
    }

    /** One tenant, in the order the lease names them; approval and signature their own. */
    public record Tenant(UserId tenantId, boolean primary, Instant approvedAt, String signatureUrl,
                         Instant signedAt) {
    }

    public record Rejection(UserId rejectedBy, String reason) {
    }

    public record Termination(LocalDate terminationDate, String reason, LocalDate noticeDate,
                              Money earlyTerminationPenalty) {
    }
}
