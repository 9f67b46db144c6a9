package io.alter8.command.lease;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lease's money over HTTP, the walk: a lease put into force 70 days ago, two months paid, a partial
 * payment, a late fee from the assessment and its waiver, notice and the end, the deposit's deduction and refund, and
 * the unit free again; then every error path of the money routes.
 */
@CommandSideTest
class LeaseMoneyApiTest extends LeaseApiFixture {

    @Autowired
    LeaseAssessment assessment;

    @Test
    void twoPaidMonthsAPartialPaymentALateFeeWaivedThenTheEndTheDepositSettledAndTheUnitFree() {
        String lease = leaseInForce();
        assertThat(stored(lease, "RentChargeScheduled", "amountDue.amount")).hasSize(12).containsOnly("25000.00");

        ok(tenant.post("/api/leases/" + lease + "/payments", payment("25000", "upi", "pay_A1")));
        ok(owner.post("/api/leases/" + lease + "/payments", payment("25000", "bank_transfer", null)));
        ok(tenant.post("/api/leases/" + lease + "/payments", payment("10000", "card", "pay_A2")));
        assertThat(stored(lease, "CreditAllocated", "chargeNumber")).containsExactly("0", "1", "2");
        assertThat(stored(lease, "CreditAllocated", "amount.amount")).containsExactly("25000.00", "25000.00",
                                                                                     "10000.00");

        assertThat(assessment.assess()).isPositive();
        assertThat(assessment.assess()).as("a second run").isPositive();
        assertThat(stored(lease, "LateFeeApplied", "chargeNumber")).as("one fee, on the partly paid charge")
                                                                   .containsExactly("2");
        assertThat(stored(lease, "LateFeeApplied", "amount.amount")).containsExactly("500.00");
        String fee = stored(lease, "LateFeeApplied", "lateFeeId").get(0);

        Response refused = tenant.post("/api/leases/" + lease + "/late-fees/" + fee + "/waiver",
                                       "{\"reason\": \"please\"}");
        assertThat(refused.status()).isEqualTo(403);
        ok(owner.post("/api/leases/" + lease + "/late-fees/" + fee + "/waiver", "{\"reason\": \"first slip\"}"));
        assertThat(stored(lease, "LateFeeWaived", "reason")).containsExactly("first slip");

        Response early = tenant.post("/api/leases/" + lease + "/notice", "{\"terminationDate\": \"%s\"}"
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(10)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("type").asString()).isEqualTo("https://alter8.io/problems/notice-too-short");
        ok(tenant.post("/api/leases/" + lease + "/notice", "{\"terminationDate\": \"%s\", \"reason\": \"moving\"}"
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(30))));
        // The owner agrees to end it today rather than on the notice's date; the tenant terminates.
        ok(tenant.post("/api/leases/" + lease + "/termination", "{\"terminationDate\": \"%s\", \"noticeDate\": \"%s\"}"
                .formatted(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).minusDays(30))));
        assertThat(stored(lease, "RentChargeCancelled", "chargeNumber")).hasSize(9);
        ok(owner.post("/api/leases/" + lease + "/deposit/deductions",
                      "{\"amount\": {\"amount\": \"5000\", \"currency\": \"INR\"}, \"reason\": \"repainting\"}"));
        ok(owner.post("/api/leases/" + lease + "/deposit/refund", "{\"reference\": \"NEFT 42\"}"));
        assertThat(stored(lease, "SecurityDepositRefunded", "amount.amount")).containsExactly("45000.00");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(eventTypes(property)).contains("UnitVacated").last()
                                                      .isEqualTo("PropertyStatusChanged"));
    }

    @Test
    void aGatewayTransactionIsRecordedOnceAndAnIdempotencyKeyAnswersTheFirstAnswer() {
        String lease = leaseInForce();
        ok(tenant.post("/api/leases/" + lease + "/payments", payment("25000", "upi", "pay_B1")));
        Response again = tenant.post("/api/leases/" + lease + "/payments", payment("25000", "upi", "pay_B1"));
        ok(again);
        String body = payment("1000", "cash", null);
        ok(tenant.post("/api/leases/" + lease + "/payments", body, "Idempotency-Key", "k-1"));
        Response replayed = tenant.post("/api/leases/" + lease + "/payments", body, "Idempotency-Key", "k-1");
        ok(replayed);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored(lease, "PaymentRecorded", "amount.amount")).containsExactly("25000.00", "1000.00");
    }

    @Test
    void theMoneyRoutesAnswerEveryErrorWithAProblem() {
        String lease = leaseInForce();
        String path = "/api/leases/" + lease;

        Response bad = tenant.post(path + "/payments", """
                {"amount": {"amount": "-1", "currency": "INR"}, "method": "barter", "gatewayId": "%s"}"""
                .formatted("x".repeat(201)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).hasValue("application/problem+json");
        assertThat(bad.badFields()).containsExactlyInAnyOrder("amount.amount", "method", "paidAt", "gatewayId");

        ApiClient otherTenant = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
        ApiClient agent = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "agent"));
        assertThat(otherTenant.post(path + "/payments", payment("100", "upi", null)).status()).isEqualTo(403);
        assertThat(agent.post(path + "/payments", payment("100", "upi", null)).status()).isEqualTo(403);
        assertThat(anonymous.post(path + "/payments", payment("100", "upi", null)).status()).isEqualTo(401);
        Response unknown = tenant.post("/api/leases/" + UUID.randomUUID() + "/payments", payment("100", "upi", null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValue("application/problem+json");
        Response stale = tenant.post(path + "/payments", payment("100", "upi", null), "If-Match", "\"3\"");
        assertThat(stale.status()).isEqualTo(412);

        Response active = owner.post(path + "/deposit/refund", "{}");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.json().path("type").asString()).isEqualTo("https://alter8.io/problems/lease-active");
        Response noFee = owner.post(path + "/late-fees/" + UUID.randomUUID() + "/waiver", "{\"reason\": \"x\"}");
        assertThat(noFee.status()).isEqualTo(404);
        Response noReason = owner.post(path + "/deposit/deductions",
                                       "{\"amount\": {\"amount\": \"0\", \"currency\": \"INR\"}}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.badFields()).containsExactlyInAnyOrder("amount.amount", "reason");
        assertThat(stored(lease, "PaymentRecorded", "amount.amount")).isEmpty();
    }

    @Test
    void aRecurringChargeJoinsTheChargesNotYetDue() {
        String lease = leaseInForce();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(70);

        ok(owner.post("/api/leases/" + lease + "/recurring-charges", """
                {"type": "utility", "amount": {"amount": "300", "currency": "INR"}, "frequency": "monthly",
                 "dayOfMonth": %d, "startDate": "%s", "description": "water"}""".formatted(
                start.getDayOfMonth(), start)));

        List<String> rescheduled = stored(lease, "RentChargeScheduled", "chargeNumber");
        assertThat(rescheduled.subList(12, rescheduled.size())).containsExactly("3", "4", "5", "6", "7", "8", "9",
                                                                                "10", "11");
        assertThat(stored(lease, "RentChargeScheduled", "otherCharges.amount").subList(12, 21)).containsOnly("300.00");
    }
}
