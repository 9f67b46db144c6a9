package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Lease aggregate's events as read models receive them, for one lease of one unit. */
public final class LeaseTestEvents {

    public final UUID id = UUID.randomUUID();
    public final UUID propertyId;
    public final UUID unitId;
    public final UUID ownerId;

    public LeaseTestEvents(UUID propertyId, UUID unitId, UUID ownerId) {
        this.propertyId = propertyId;
        this.unitId = unitId;
        this.ownerId = ownerId;
    }

    public static LeaseTerms terms(String rent) {
        LocalDate start = LocalDate.of(2026, 12, 1);
        return new LeaseTerms(start, start.plusYears(1), 30, true, false, Money.of(rent, "INR"),
                              Money.of("50000", "INR"), Money.of("0", "INR"), Money.of("0", "INR"),
                              new BigDecimal("5.00"), start.plusMonths(11), AgreementType.STANDARD,
                              List.of("No smoking"));
    }

    /** {@link #terms} with a flat late fee of 500 after {@code graceDays}. */
    public static LeaseTerms termsWithLateFee(int graceDays) {
        LeaseTerms t = terms("25000");
        return new LeaseTerms(t.startDate(), t.endDate(), t.noticePeriodDays(), t.renewalOption(), t.autoRenewal(),
                              t.monthlyRent(), t.securityDeposit(), t.maintenanceCharge(), t.brokerageAmount(),
                              t.annualRentIncreasePercent(), t.nextRentReviewDate(), t.agreementType(),
                              t.specialTerms(), null, new LateFeeRule(LateFeeKind.FLAT, Money.of("500", "INR"), null,
                                                                      null, graceDays));
    }

    /** Proposed by the owner to {@code tenant}, on {@code terms}. */
    public LeaseProposed proposed(UUID tenant, LeaseTerms terms) {
        return new LeaseProposed(new LeaseId(id), new PropertyId(propertyId), new UnitId(unitId), new UserId(ownerId),
                                 null, null, List.of(new UserId(tenant)), new UserId(tenant), terms,
                                 new UserId(ownerId));
    }

    /** Proposed by {@code by}: an application when {@code by} is the first tenant. */
    public LeaseProposed proposed(UUID by, UUID... tenants) {
        List<UserId> named = java.util.Arrays.stream(tenants).map(UserId::new).toList();
        return new LeaseProposed(new LeaseId(id), new PropertyId(propertyId), new UnitId(unitId), new UserId(ownerId),
                                 null, null, named, named.get(0), terms("25000"), new UserId(by));
    }

    public LeaseApproved approved(LeaseParty party, UUID by, LeaseApprovalStatus status) {
        return new LeaseApproved(new LeaseId(id), new PropertyId(propertyId), new UnitId(unitId), party,
                                 new UserId(by), status, LeaseStatus.PENDING_APPROVAL);
    }

    public LeaseSigned signed(LeaseParty party, UUID by, boolean fully) {
        return new LeaseSigned(new LeaseId(id), party, new UserId(by), "https://sign.example/" + by,
                               party == LeaseParty.OWNER ? "https://docs.example/lease.pdf" : null, fully);
    }

    public LeaseActivated activated(UUID by, UUID... tenants) {
        return new LeaseActivated(new LeaseId(id), new PropertyId(propertyId), new UnitId(unitId),
                                  java.util.Arrays.stream(tenants).map(UserId::new).toList(), new UserId(by));
    }
}
