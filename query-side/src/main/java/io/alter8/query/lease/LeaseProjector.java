package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseAgreementRecorded;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseRentReviewed;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.query.jdbc.VersionedRows;
import io.alter8.query.processing.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code lease} and {@code lease_tenant} from the Lease aggregate's events, through {@link VersionedRows}:
 * each event is one statement on the lease row, keyed by id and applied only if the event is newer than the row;
 * the tenant rows are written in that same statement, only when the lease row was, so replays and redeliveries
 * change nothing. The projector to copy for a new read model.
 */
@Component
@ProcessingGroup(LeaseProjector.PROCESSING_GROUP)
class LeaseProjector implements RebuildableReadModel {

    static final String PROCESSING_GROUP = "leases";

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;

    LeaseProjector(VersionedRows rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LeaseProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID[] tenants = event.tenants().stream().map(UserId::value).toArray(UUID[]::new);
        terms(lease(rows.upsert("lease"), event.leaseId().value(), at), event.terms())
                .set("property_id", event.propertyId().value())
                .set("unit_id", event.unitId().value())
                .set("owner_id", event.ownerId().value())
                .set("agent_id", value(event.agentId()))
                .set("manager_id", value(event.managerId()))
                .set("primary_tenant_id", event.primaryTenant().value())
                .set("proposed_by", event.proposedBy().value())
                .set("application", event.isApplication())
                .set("currency", event.terms().monthlyRent().currency())
                .set("status", LeaseStatus.DRAFT.wire())
                .set("approval_status", LeaseApprovalStatus.PENDING.wire())
                .set("renewed_from", event.renewedFrom() == null ? null : event.renewedFrom().value())
                .onCreate("created_at", utc(at))
                .then("""
                        INSERT INTO lease_tenant (lease_id, tenant_id, position, is_primary)
                        SELECT written.id, t.tenant, t.ord - 1, t.tenant = ?
                        FROM written, unnest(?::uuid[]) WITH ORDINALITY AS t(tenant, ord)
                        ON CONFLICT DO NOTHING""", event.primaryTenant().value(), tenants)
                .apply(sequence);
    }

    @EventHandler
    void on(LeaseTermsRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // New terms: every approval lapses, the lease is a draft again.
        terms(lease(rows.update("lease"), event.leaseId().value(), at), event.terms())
                .set("status", LeaseStatus.DRAFT.wire())
                .set("approval_status", LeaseApprovalStatus.PENDING.wire())
                .set("owner_approved_at", null)
                .then("UPDATE lease_tenant SET approved_at = NULL WHERE lease_id = (SELECT id FROM written)")
                .apply(sequence);
    }

    /** A rent review of a lease in force: new terms, the same dates and deposit, nothing to approve again. */
    @EventHandler
    void on(LeaseRentReviewed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        terms(lease(rows.update("lease"), event.leaseId().value(), at), event.terms()).apply(sequence);
    }

    @EventHandler
    void on(LeaseApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write lease = lease(rows.update("lease"), event.leaseId().value(), at)
                .set("status", event.status().wire())
                .set("approval_status", event.approvalStatus().wire());
        if (event.party() == LeaseParty.OWNER) {
            lease.set("owner_approved_at", utc(at));
        } else {
            lease.then("UPDATE lease_tenant SET approved_at = ? WHERE lease_id = (SELECT id FROM written) "
                               + "AND tenant_id = ?", utc(at), event.approvedBy().value());
        }
        lease.apply(sequence);
    }

    @EventHandler
    void on(LeaseRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lease(rows.update("lease"), event.leaseId().value(), at)
                .set("approval_status", LeaseApprovalStatus.REJECTED.wire())
                .set("rejected_by", event.rejectedBy().value())
                .set("rejection_reason", event.reason())
                .apply(sequence);
    }

    @EventHandler
    void on(LeaseSigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OffsetDateTime when = utc(at);
        VersionedRows.Write lease = lease(rows.update("lease"), event.leaseId().value(), at)
                .expression("lease_agreement_url", "coalesce(?, lease_agreement_url)", event.agreementUrl())
                .expression("signed_at", "CASE WHEN ?::boolean THEN ?::timestamptz ELSE signed_at END",
                            event.fullySigned(), when);
        if (event.party() == LeaseParty.TENANT) {
            lease.then("UPDATE lease_tenant SET signature_url = ?, signed_at = ? WHERE lease_id = (SELECT id FROM "
                               + "written) AND tenant_id = ?", event.signatureUrl(), when, event.signedBy().value());
        } else if (event.party() == LeaseParty.OWNER) {
            lease.set("owner_signature_url", event.signatureUrl());
        } else {
            lease.set("witness_id", event.signedBy().value()).set("witness_signature_url", event.signatureUrl());
        }
        lease.apply(sequence);
    }

    @EventHandler
    void on(LeaseActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lease(rows.update("lease"), event.leaseId().value(), at)
                .set("status", LeaseStatus.ACTIVE.wire())
                .set("activated_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(LeaseTerminated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Money penalty = event.earlyTerminationPenalty();
        lease(rows.update("lease"), event.leaseId().value(), at)
                .set("status", LeaseStatus.TERMINATED.wire())
                .set("termination_date", event.terminationDate())
                .set("termination_reason", event.reason())
                .set("termination_notice_date", event.noticeDate())
                .set("early_termination_penalty", penalty == null ? null : penalty.amount())
                .apply(sequence);
    }

    @EventHandler
    void on(LeaseRenewed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lease(rows.update("lease"), event.leaseId().value(), at)
                .set("status", LeaseStatus.RENEWED.wire())
                .set("renewed_by", event.renewedBy().value())
                .apply(sequence);
    }

    @EventHandler
    void on(LeaseExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.leaseId(), LeaseStatus.EXPIRED, sequence, at);
    }

    /** A renewal never put into force, withdrawn when its start date came. */
    @EventHandler
    void on(LeaseRenewalWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.leaseId(), LeaseStatus.EXPIRED, sequence, at);
    }

    @EventHandler
    void on(LeaseAgreementRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        lease(rows.update("lease"), event.leaseId().value(), at)
                .set("agreement_document_id", event.documentId().value())
                .set("agreement_version", event.version())
                .set("agreement_recorded_at", utc(at))
                .apply(sequence);
    }

    private void status(LeaseId lease, LeaseStatus status, long sequence, Instant at) {
        lease(rows.update("lease"), lease.value(), at).set("status", status.wire()).apply(sequence);
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM lease");
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("lease", "lease_tenant");
    }

    /** The lease row's key and the time of the change, which every write carries. */
    private static VersionedRows.Write lease(VersionedRows.Write write, UUID lease, Instant at) {
        return write.key("id", lease).set("updated_at", utc(at));
    }

    private static VersionedRows.Write terms(VersionedRows.Write write, LeaseTerms t) {
        return write.set("lease_start_date", t.startDate())
                    .set("lease_end_date", t.endDate())
                    .set("notice_period_days", t.noticePeriodDays())
                    .set("renewal_option", t.renewalOption())
                    .set("auto_renewal", t.autoRenewal())
                    .set("monthly_rent", t.monthlyRent().amount())
                    .set("security_deposit", t.securityDeposit().amount())
                    .set("maintenance_charge", t.maintenanceCharge().amount())
                    .set("brokerage_amount", t.brokerageAmount().amount())
                    .set("annual_rent_increase_percent", t.annualRentIncreasePercent())
                    .set("next_rent_review_date", t.nextRentReviewDate())
                    .set("agreement_type", t.agreementType().wire())
                    .set("special_terms", t.specialTerms().toArray(String[]::new))
                    .set("late_fee_grace_days", t.lateFee() == null ? null : t.lateFee().graceDays());
    }

    private static UUID value(UserId user) {
        return user == null ? null : user.value();
    }
}
