package io.alter8.query.lease;

import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps {@code lease} and {@code lease_tenant} from the Lease aggregate's events. Each change is one statement that
 * advances the lease row's version only when the event is newer ({@code version < sequence}); the tenant rows are
 * written in the same statement, only when the lease row advanced, so replays and redeliveries change nothing.
 */
@Component
@ProcessingGroup(LeaseProjector.PROCESSING_GROUP)
class LeaseProjector {

    static final String PROCESSING_GROUP = "leases";

    private final JdbcTemplate jdbc;

    LeaseProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LeaseProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID lease = event.leaseId().value();
        LeaseTerms t = event.terms();
        OffsetDateTime when = utc(at);
        int inserted = jdbc.update("""
                INSERT INTO lease (id, property_id, unit_id, owner_id, agent_id, manager_id, primary_tenant_id,
                    proposed_by, application, lease_start_date, lease_end_date, notice_period_days, renewal_option,
                    auto_renewal, currency, monthly_rent, security_deposit, maintenance_charge, brokerage_amount,
                    annual_rent_increase_percent, next_rent_review_date, agreement_type, special_terms, status,
                    approval_status, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                lease, event.propertyId().value(), event.unitId().value(), event.ownerId().value(),
                value(event.agentId()), value(event.managerId()), event.primaryTenant().value(),
                event.proposedBy().value(), event.isApplication(), t.startDate(), t.endDate(), t.noticePeriodDays(),
                t.renewalOption(), t.autoRenewal(), t.monthlyRent().currency(), t.monthlyRent().amount(),
                t.securityDeposit().amount(), t.maintenanceCharge().amount(), t.brokerageAmount().amount(),
                t.annualRentIncreasePercent(), t.nextRentReviewDate(), t.agreementType().wire(),
                t.specialTerms().toArray(String[]::new), LeaseStatus.DRAFT.wire(), LeaseApprovalStatus.PENDING.wire(),
                when, when, sequence);
        if (inserted == 0) {
            return;
        }
        List<Object[]> tenants = new ArrayList<>();
        for (int i = 0; i < event.tenants().size(); i++) {
            UserId tenant = event.tenants().get(i);
            tenants.add(new Object[]{lease, tenant.value(), i, tenant.equals(event.primaryTenant())});
        }
        jdbc.batchUpdate("""
                INSERT INTO lease_tenant (lease_id, tenant_id, position, is_primary) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", tenants);
    }

    @EventHandler
    void on(LeaseTermsRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LeaseTerms t = event.terms();
        // New terms: every approval lapses, the lease is a draft again.
        advance(event.leaseId().value(), sequence, at, sql("""
                lease_start_date = ?, lease_end_date = ?, notice_period_days = ?, renewal_option = ?,
                auto_renewal = ?, monthly_rent = ?, security_deposit = ?, maintenance_charge = ?,
                brokerage_amount = ?, annual_rent_increase_percent = ?, next_rent_review_date = ?,
                agreement_type = ?, special_terms = ?, status = 'draft', approval_status = 'pending',
                owner_approved_at = NULL""",
                t.startDate(), t.endDate(), t.noticePeriodDays(), t.renewalOption(), t.autoRenewal(),
                t.monthlyRent().amount(), t.securityDeposit().amount(), t.maintenanceCharge().amount(),
                t.brokerageAmount().amount(), t.annualRentIncreasePercent(), t.nextRentReviewDate(),
                t.agreementType().wire(), t.specialTerms().toArray(String[]::new)),
                sql("UPDATE lease_tenant SET approved_at = NULL WHERE lease_id = (SELECT id FROM advanced)"));
    }

    @EventHandler
    void on(LeaseApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OffsetDateTime when = utc(at);
        if (event.party() == LeaseParty.OWNER) {
            advance(event.leaseId().value(), sequence, at, sql("status = ?, approval_status = ?, owner_approved_at = ?",
                    event.status().wire(), event.approvalStatus().wire(), when));
        } else {
            advance(event.leaseId().value(), sequence, at,
                    sql("status = ?, approval_status = ?", event.status().wire(), event.approvalStatus().wire()),
                    sql("UPDATE lease_tenant SET approved_at = ? WHERE lease_id = (SELECT id FROM advanced) "
                                + "AND tenant_id = ?", when, event.approvedBy().value()));
        }
    }

    @EventHandler
    void on(LeaseRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.leaseId().value(), sequence, at, sql("approval_status = 'rejected', rejected_by = ?, "
                + "rejection_reason = ?", event.rejectedBy().value(), event.reason()));
    }

    @EventHandler
    void on(LeaseSigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OffsetDateTime when = utc(at);
        UUID lease = event.leaseId().value();
        String agreement = "lease_agreement_url = coalesce(?, lease_agreement_url), "
                + "signed_at = CASE WHEN ?::boolean THEN ?::timestamptz ELSE signed_at END";
        if (event.party() == LeaseParty.TENANT) {
            advance(lease, sequence, at, sql(agreement, event.agreementUrl(), event.fullySigned(), when),
                    sql("UPDATE lease_tenant SET signature_url = ?, signed_at = ? WHERE lease_id = (SELECT id FROM "
                                + "advanced) AND tenant_id = ?", event.signatureUrl(), when, event.signedBy().value()));
        } else if (event.party() == LeaseParty.OWNER) {
            advance(lease, sequence, at, sql(agreement + ", owner_signature_url = ?", event.agreementUrl(),
                                             event.fullySigned(), when, event.signatureUrl()));
        } else {
            advance(lease, sequence, at, sql(agreement + ", witness_id = ?, witness_signature_url = ?",
                                             event.agreementUrl(), event.fullySigned(), when,
                                             event.signedBy().value(), event.signatureUrl()));
        }
    }

    @EventHandler
    void on(LeaseActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.leaseId().value(), sequence, at, sql("status = 'active', activated_at = ?", utc(at)));
    }

    @EventHandler
    void on(LeaseTerminated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Money penalty = event.earlyTerminationPenalty();
        advance(event.leaseId().value(), sequence, at, sql("status = 'terminated', termination_date = ?, "
                        + "termination_reason = ?, termination_notice_date = ?, early_termination_penalty = ?",
                event.terminationDate(), event.reason(), event.noticeDate(),
                penalty == null ? null : penalty.amount()));
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM lease");
    }

    /** A piece of SQL and its parameters, in order. */
    private record Part(String text, Object... parameters) {
    }

    private static Part sql(String text, Object... parameters) {
        return new Part(text, parameters);
    }

    /** Sets {@code assignments} on the lease row if the event is newer than it. */
    private void advance(UUID lease, long sequence, Instant at, Part assignments) {
        jdbc.update(update(assignments), parameters(assignments, lease, sequence, at).toArray());
    }

    /**
     * As {@link #advance(UUID, long, Instant, Part)}, and then, in the same statement and only if the row advanced,
     * {@code tenantUpdate}, which reads the advanced row as {@code advanced}.
     */
    private void advance(UUID lease, long sequence, Instant at, Part assignments, Part tenantUpdate) {
        List<Object> parameters = parameters(assignments, lease, sequence, at);
        parameters.addAll(Arrays.asList(tenantUpdate.parameters()));
        jdbc.update("WITH advanced AS (" + update(assignments) + " RETURNING id) " + tenantUpdate.text(),
                    parameters.toArray());
    }

    private static String update(Part assignments) {
        return "UPDATE lease SET " + assignments.text() + ", updated_at = ?, version = ? WHERE id = ? AND version < ?";
    }

    private static List<Object> parameters(Part assignments, UUID lease, long sequence, Instant at) {
        List<Object> parameters = new ArrayList<>(Arrays.asList(assignments.parameters()));
        parameters.addAll(Arrays.asList(utc(at), sequence, lease, sequence));
        return parameters;
    }

    private static UUID value(UserId user) {
        return user == null ? null : user.value();
    }
}
