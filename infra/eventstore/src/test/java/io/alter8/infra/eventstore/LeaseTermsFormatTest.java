package io.alter8.infra.eventstore;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lease's terms gained a trailing {@code rentDueDay} and {@code lateFee} at revision 1 of {@code LeaseProposed} and
 * {@code LeaseTermsRevised}: terms stored before them read as rent due on each period's first day and no late fee.
 */
class LeaseTermsFormatTest {

    final Serializer serializer = EventSerialization.serializer();
    final JsonMapper json = JsonMapper.builder().build();

    final LeaseTerms withRules = new LeaseTerms(
            LocalDate.of(2026, 1, 31), LocalDate.of(2027, 1, 30), 30, true, false, Money.of("25000.00", "INR"),
            Money.of("50000.00", "INR"), Money.of("1500.00", "INR"), null, new BigDecimal("5"), null,
            AgreementType.STANDARD, List.of("no pets"), 5,
            new LateFeeRule(LateFeeKind.FLAT, Money.of("500.00", "INR"), null, null, 3));

    @Test
    void aProposalStoredBeforeTheDueDayAndLateFeeReadsWithoutThem() {
        LeaseProposed now = new LeaseProposed(LeaseId.random(), PropertyId.random(), UnitId.random(), UserId.random(),
                                              null, null, List.of(UserId.random()), null, withRules, UserId.random());

        LeaseProposed old = readAsStoredBefore(now, LeaseProposed.class);

        assertThat(old).isEqualTo(new LeaseProposed(now.leaseId(), now.propertyId(), now.unitId(), now.ownerId(),
                                                    null, null, now.tenants(), null, withoutRules(), now.proposedBy()));
    }

    @Test
    void revisedTermsStoredBeforeTheDueDayAndLateFeeReadWithoutThem() {
        LeaseTermsRevised now = new LeaseTermsRevised(LeaseId.random(), withRules, UserId.random());

        LeaseTermsRevised old = readAsStoredBefore(now, LeaseTermsRevised.class);

        assertThat(old).isEqualTo(new LeaseTermsRevised(now.leaseId(), withoutRules(), now.revisedBy()));
    }

    @Test
    void termsWithTheRulesKeepThem() {
        LeaseTermsRevised event = new LeaseTermsRevised(LeaseId.random(), withRules, UserId.random());

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    /** The event as revision 1 stored it before the two fields existed: today's form without them. */
    private <T> T readAsStoredBefore(T event, Class<T> type) {
        ObjectNode payload = (ObjectNode) json.readTree(serializer.serialize(event, byte[].class).getData());
        ObjectNode terms = (ObjectNode) payload.get("terms");
        terms.remove("rentDueDay");
        terms.remove("lateFee");
        return serializer.deserialize(new SimpleSerializedObject<>(json.writeValueAsBytes(payload), byte[].class,
                                                                   new SimpleSerializedType(type.getName(), "1")));
    }

    private LeaseTerms withoutRules() {
        return new LeaseTerms(withRules.startDate(), withRules.endDate(), withRules.noticePeriodDays(),
                              withRules.renewalOption(), withRules.autoRenewal(), withRules.monthlyRent(),
                              withRules.securityDeposit(), withRules.maintenanceCharge(), withRules.brokerageAmount(),
                              withRules.annualRentIncreasePercent(), withRules.nextRentReviewDate(),
                              withRules.agreementType(), withRules.specialTerms());
    }
}
