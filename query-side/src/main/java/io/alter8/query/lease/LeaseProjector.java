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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
        advance(event.leaseId().value(), sequence, at, """
                lease_start_date = ?, lease_end_date = ?, notice_period_days = ?, renewal_option = ?,
                auto_renewal = ?, monthly_rent = ?, security_deposit = ?, maintenance_charge = ?,
                brokerage_amount = ?, annual_rent_increase_percent = ?, next_rent_review_date = ?,
                agreement_type = ?, special_terms = ?, status = 'draft', approval_status = 'pending',
                owner_approved_at = NULL""",
                "UPDATE lease_tenant SET approved_at = NULL WHERE lease_id = (SELECT id FROM advanced)",
                t.startDate(), t.endDate(), t.noticePeriodDays(), t.renewalOption(), t.autoRenewal(),
                t.monthlyRent().amount(), t.securityDeposit().amount(), t.maintenanceCharge().amount(),
                t.brokerageAmount().amount(), t.annualRentIncreasePercent(), t.nextRentReviewDate(),
                t.agreementType().wire(), t.specialTerms().toArray(String[]::new));
    }

    @EventHandler
    void on(LeaseApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OffsetDateTime when = utc(at);
        if (event.party() == LeaseParty.OWNER) {
            advance(event.leaseId().value(), sequence, at, "status = ?, approval_status = ?, owner_approved_at = ?",
                    null, event.status().wire(), event.approvalStatus().wire(), when);
        } else {
            advance(event.leaseId().value(), sequence, at, "status = ?, approval_status = ?",
                    "UPDATE lease_tenant SET approved_at = ? WHERE lease_id = (SELECT id FROM advanced) "
                            + "AND tenant_id = ?",
                    event.status().wire(), event.approvalStatus().wire(), when, event.approvedBy().value());
        }
    }

    @EventHandler
    void on(LeaseRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.leaseId().value(), sequence, at, "approval_status = 'rejected', rejected_by = ?, "
                + "rejection_reason = ?", null, event.rejectedBy().value(), event.reason());
    }

    @EventHandler
    void on(LeaseSigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OffsetDateTime when = utc(at);
        UUID lease = event.leaseId().value();
        String agreement = "lease_agreement_url = coalesce(?, lease_agreement_url), "
                + "signed_at = CASE WHEN ?::boolean THEN ?::timestamptz ELSE signed_at END";
        if (event.party() == LeaseParty.TENANT) {
            advance(lease, sequence, at, agreement,
                    "UPDATE lease_tenant SET signature_url = ?, signed_at = ? WHERE lease_id = (SELECT id FROM "
                            + "advanced) AND tenant_id = ?",
                    event.agreementUrl(), event.fullySigned(), when, event.signatureUrl(), when,
                    event.signedBy().value());
        } else if (event.party() == LeaseParty.OWNER) {
            advance(lease, sequence, at, agreement + ", owner_signature_url = ?", null,
                    event.agreementUrl(), event.fullySigned(), when, event.signatureUrl());
        } else {
            advance(lease, sequence, at, agreement + ", witness_id = ?, witness_signature_url = ?", null,
                    event.agreementUrl(), event.fullySigned(), when, event.signedBy().value(), event.signatureUrl());
        }
    }

    @EventHandler
    void on(LeaseActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.leaseId().value(), sequence, at, "status = 'active', activated_at = ?", null, utc(at));
    }

    @EventHandler
    void on(LeaseTerminated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Money penalty = event.earlyTerminationPenalty();
        advance(event.leaseId().value(), sequence, at, "status = 'terminated', termination_date = ?, "
                        + "termination_reason = ?, termination_notice_date = ?, early_termination_penalty = ?", null,
                event.terminationDate(), event.reason(), event.noticeDate(),
                penalty == null ? null : penalty.amount());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM lease");
    }

    /**
     * Sets {@code assignments} on the lease row if the event is newer than it, and then, in the same statement and
     * only if it was, runs {@code tenantUpdate} (which reads the advanced row as {@code advanced}). The arguments are
     * those of the assignments, then those of the tenant update.
     */
    private void advance(UUID lease, long sequence, Instant at, String assignments, String tenantUpdate,
                         Object... arguments) {
        int split = count(assignments);
        List<Object> args = new ArrayList<>(Arrays.asList(arguments).subList(0, split));
        args.add(utc(at));
        args.add(sequence);
        args.add(lease);
        args.add(sequence);
        String update = "UPDATE lease SET " + assignments + ", updated_at = ?, version = ? WHERE id = ? AND version < ?";
        if (tenantUpdate == null) {
            jdbc.update(update, args.toArray());
            return;
        }
        args.addAll(Arrays.asList(arguments).subList(split, arguments.length));
        jdbc.update("WITH advanced AS (" + update + " RETURNING id) " + tenantUpdate, args.toArray());
    }

    private static int count(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private static UUID value(UserId user) {
        return user == null ? null : user.value();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
