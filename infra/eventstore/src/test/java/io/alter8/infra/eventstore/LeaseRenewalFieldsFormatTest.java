package io.alter8.infra.eventstore;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseTerms;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LeaseProposed} and {@code LeaseActivationRequested} gained a trailing {@code renewedFrom} at revision 1 (and
 * the proposal's terms a trailing {@code rentDueDay} and {@code lateFee} before): payloads stored before read as a
 * lease that renews none, with rent due on each period's first day and no late fee; new ones keep the link. Later
 * {@code LeaseRenewed} gained {@code depositHeld} and the proposal {@code renewedDeposit} (a renewal may change the
 * deposit): renewals stored before read them as null, which the lease takes as its own terms' deposit.
 */
class LeaseRenewalFieldsFormatTest {

    final Serializer serializer = EventSerialization.serializer();
    final UUID lease = UUID.randomUUID();
    final UUID property = UUID.randomUUID();
    final UUID unit = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();

    @Test
    void aProposalStoredBeforeRenewalsReadsAsOneThatRenewsNone() {
        byte[] stored = """
                {"leaseId": "%1$s", "propertyId": "%2$s", "unitId": "%3$s", "ownerId": "%4$s", "agentId": null,
                 "managerId": null, "tenants": ["%5$s"], "primaryTenant": "%5$s",
                 "terms": {"startDate": "2026-09-01", "endDate": "2027-08-31", "noticePeriodDays": 30,
                           "renewalOption": true, "autoRenewal": true,
                           "monthlyRent": {"amount": "20000.00", "currency": "INR"},
                           "securityDeposit": {"amount": "40000.00", "currency": "INR"},
                           "maintenanceCharge": {"amount": "0.00", "currency": "INR"},
                           "brokerageAmount": {"amount": "0.00", "currency": "INR"},
                           "annualRentIncreasePercent": 5, "nextRentReviewDate": null,
                           "agreementType": "standard", "specialTerms": []},
                 "proposedBy": "%4$s"}"""
                .formatted(lease, property, unit, owner, tenant).getBytes(StandardCharsets.UTF_8);

        LeaseProposed event = serializer.deserialize(new SimpleSerializedObject<>(
                stored, byte[].class, new SimpleSerializedType(LeaseProposed.class.getName(), "1")));

        LeaseTerms terms = new LeaseTerms(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), 30, true, true,
                                          Money.of("20000", "INR"), Money.of("40000", "INR"), Money.of("0", "INR"),
                                          Money.of("0", "INR"), new BigDecimal("5"), null, AgreementType.STANDARD,
                                          List.of());
        assertThat(event).isEqualTo(new LeaseProposed(new LeaseId(lease), new PropertyId(property), new UnitId(unit),
                                                      new UserId(owner), null, null, List.of(new UserId(tenant)),
                                                      new UserId(tenant), terms, new UserId(owner)));
        assertThat(event.renewedFrom()).isNull();
    }

    @Test
    void anActivationStoredBeforeRenewalsReadsAsOneThatRenewsNone() {
        byte[] stored = """
                {"leaseId": "%s", "propertyId": "%s", "unitId": "%s", "tenants": ["%s"], "requestedBy": "%s"}"""
                .formatted(lease, property, unit, tenant, owner).getBytes(StandardCharsets.UTF_8);

        LeaseActivationRequested event = serializer.deserialize(new SimpleSerializedObject<>(
                stored, byte[].class, new SimpleSerializedType(LeaseActivationRequested.class.getName(), "1")));

        assertThat(event).isEqualTo(new LeaseActivationRequested(new LeaseId(lease), new PropertyId(property),
                                                                 new UnitId(unit), List.of(new UserId(tenant)),
                                                                 new UserId(owner)));
        assertThat(event.renewedFrom()).isNull();
    }

    @Test
    void aRenewalsActivationKeepsTheLeaseItRenews() {
        LeaseActivationRequested event = new LeaseActivationRequested(
                LeaseId.random(), PropertyId.random(), UnitId.random(), List.of(UserId.random()), UserId.random(),
                LeaseId.random());

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void aRenewalStoredBeforeDepositsCouldChangeReadsWithoutTheDepositItCarries() {
        String terms = """
                {"startDate": "2027-09-01", "endDate": "2028-08-31", "noticePeriodDays": 30,
                 "renewalOption": true, "autoRenewal": false,
                 "monthlyRent": {"amount": "21000.00", "currency": "INR"},
                 "securityDeposit": {"amount": "40000.00", "currency": "INR"},
                 "maintenanceCharge": {"amount": "0.00", "currency": "INR"},
                 "brokerageAmount": {"amount": "0.00", "currency": "INR"},
                 "annualRentIncreasePercent": 5, "nextRentReviewDate": null,
                 "agreementType": "standard", "specialTerms": [], "rentDueDay": null, "lateFee": null}""";
        UUID renewal = UUID.randomUUID();
        byte[] renewed = """
                {"leaseId": "%1$s", "propertyId": "%2$s", "unitId": "%3$s", "renewedBy": "%6$s", "ownerId": "%4$s",
                 "agentId": null, "managerId": null, "tenants": ["%5$s"], "primaryTenant": "%5$s", "terms": %7$s,
                 "automatic": false, "requestedBy": "%4$s"}"""
                .formatted(lease, property, unit, owner, tenant, renewal, terms).getBytes(StandardCharsets.UTF_8);
        byte[] proposed = """
                {"leaseId": "%6$s", "propertyId": "%2$s", "unitId": "%3$s", "ownerId": "%4$s", "agentId": null,
                 "managerId": null, "tenants": ["%5$s"], "primaryTenant": "%5$s", "terms": %7$s,
                 "proposedBy": "%4$s", "renewedFrom": "%1$s"}"""
                .formatted(lease, property, unit, owner, tenant, renewal, terms).getBytes(StandardCharsets.UTF_8);

        LeaseRenewed oldRenewal = serializer.deserialize(new SimpleSerializedObject<>(
                renewed, byte[].class, new SimpleSerializedType(LeaseRenewed.class.getName(), "1")));
        LeaseProposed oldProposal = serializer.deserialize(new SimpleSerializedObject<>(
                proposed, byte[].class, new SimpleSerializedType(LeaseProposed.class.getName(), "1")));

        assertThat(oldRenewal.renewedBy()).isEqualTo(new LeaseId(renewal));
        assertThat(oldRenewal.terms().securityDeposit()).isEqualTo(Money.of("40000", "INR"));
        assertThat(oldRenewal.depositHeld()).isNull();
        assertThat(oldProposal.renewedFrom()).isEqualTo(new LeaseId(lease));
        assertThat(oldProposal.renewedDeposit()).isNull();
    }

    @Test
    void aRenewalKeepsTheDepositItCarriesOver() {
        LeaseProposed event = new LeaseProposed(LeaseId.random(), PropertyId.random(), UnitId.random(),
                                                UserId.random(), null, null, List.of(UserId.random()), null, null,
                                                UserId.random(), LeaseId.random(), Money.of("40000", "INR"));

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }
}
