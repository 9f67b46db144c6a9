package io.alter8.infra.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals {@code alter8 check ledgers} sums from a lease's events, by the lease's rules, and how it names what a
 * ledger gets wrong. Against a running stack the check is exercised in {@link LocalStackIT}.
 */
class LedgerTotalsTest {

    static JsonNode json(String text) {
        return LedgerTotals.JSON.readTree(text);
    }

    static String event(String type, String payload) {
        return "{\"type\": \"io.alter8.api.lease." + type + "\", \"payload\": " + payload + "}";
    }

    static String money(String amount) {
        return "{\"amount\": " + amount + ", \"currency\": \"INR\"}";
    }

    /**
     * Three charges of 10,000, the third rescheduled to 5,000 (the lease ended) and then cancelled after its
     * allocation was given back; a late fee on the second, a second fee waived on the first; 18,000 paid in two
     * payments (one recorded twice, as a redelivered event would show it); a deposit held, deducted from, refunded.
     */
    static final String EVENTS = "[" + String.join(",",
            event("LeaseProposed", "{\"leaseId\": \"l\"}"),
            event("RentChargeScheduled", "{\"chargeNumber\": 0, \"amountDue\": " + money("10000.00") + "}"),
            event("RentChargeScheduled", "{\"chargeNumber\": 1, \"amountDue\": " + money("\"10000.00\"") + "}"),
            event("RentChargeScheduled", "{\"chargeNumber\": 2, \"amountDue\": " + money("10000.00") + "}"),
            event("SecurityDepositHeld", "{\"amount\": " + money("30000.00") + "}"),
            event("PaymentRecorded", "{\"paymentId\": \"p1\", \"amount\": " + money("10000.00") + "}"),
            event("CreditAllocated", "{\"chargeNumber\": 0, \"amount\": " + money("10000.00") + "}"),
            event("PaymentRecorded", "{\"paymentId\": \"p2\", \"amount\": " + money("8000.00") + "}"),
            event("PaymentRecorded", "{\"paymentId\": \"p2\", \"amount\": " + money("8000.00") + "}"),
            event("CreditAllocated", "{\"chargeNumber\": 1, \"amount\": " + money("5000.00") + "}"),
            event("CreditAllocated", "{\"chargeNumber\": 2, \"amount\": " + money("3000.00") + "}"),
            event("LateFeeApplied", "{\"chargeNumber\": 1, \"amount\": " + money("500.00") + "}"),
            event("LateFeeApplied", "{\"chargeNumber\": 0, \"amount\": " + money("500.00") + "}"),
            event("LateFeeWaived", "{\"chargeNumber\": 0, \"amount\": " + money("500.00") + "}"),
            event("RentChargeScheduled", "{\"chargeNumber\": 2, \"amountDue\": " + money("5000.00") + "}"),
            event("ChargeOverpaid", "{\"chargeNumber\": 2, \"amount\": " + money("3000.00") + "}"),
            event("RentChargeCancelled", "{\"chargeNumber\": 2}"),
            event("SecurityDepositDeducted", "{\"amount\": " + money("2000.00") + "}"),
            event("SecurityDepositRefunded", "{\"amount\": " + money("28000.00") + "}")) + "]";

    @Test
    void theTotalsOfALeaseFollowItsEvents() {
        LedgerTotals totals = LedgerTotals.ofEvents(json(EVENTS));

        // Charges 0 and 1 stand (10,000 each, plus the kept fee of 500); charge 2 was cancelled.
        assertThat(totals.charged()).isEqualByComparingTo("20500.00");
        assertThat(totals.paid()).isEqualByComparingTo("18000.00");
        // 15,000 allocated to the charges in force; the 3,000 given back from the cancelled one is credit.
        assertThat(totals.credit()).isEqualByComparingTo("3000.00");
        assertThat(totals.balance()).isEqualByComparingTo("2500.00");
        assertThat(totals.depositHeld()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(totals.charges()).isEqualTo(2);
        assertThat(totals.payments()).isEqualTo(2);
        assertThat(totals.isEmpty()).isFalse();
    }

    @Test
    void aRenewalHoldsTheDepositItCarriedOverWithItsTopUpOrLessTheDifferenceItRefunded() {
        LedgerTotals toppedUp = LedgerTotals.ofEvents(json("[" + String.join(",",
                event("SecurityDepositCarriedOver", "{\"amount\": " + money("40000.00") + "}"),
                event("SecurityDepositHeld", "{\"amount\": " + money("5000.00") + "}")) + "]"));
        LedgerTotals lowered = LedgerTotals.ofEvents(json("[" + String.join(",",
                event("SecurityDepositCarriedOver", "{\"amount\": " + money("40000.00") + "}"),
                event("SecurityDepositRefunded", "{\"amount\": " + money("10000.00") + "}")) + "]"));

        assertThat(toppedUp.depositHeld()).isEqualByComparingTo("45000.00");
        assertThat(lowered.depositHeld()).isEqualByComparingTo("30000.00");
    }

    @Test
    void aLedgerWithTheSameTotalsHasNoDifferenceAndOneWithOtherTotalsIsNamedByTotal() {
        LedgerTotals expected = LedgerTotals.ofEvents(json(EVENTS));
        String ledger = """
                {"charged": %s, "paid": %s, "credit": %s, "balance": %s, "depositHeld": %s,
                 "charges": [{}, {}], "payments": [{}, {}], "deposit": []}""";

        LedgerTotals same = LedgerTotals.ofLedger(json(ledger.formatted(
                money("\"20500.00\""), money("\"18000.00\""), money("\"3000.00\""), money("\"2500\""),
                money("\"0.00\""))));
        LedgerTotals other = LedgerTotals.ofLedger(json(ledger.formatted(
                money("\"20500.00\""), money("\"18000.00\""), money("\"3000.01\""), money("\"2500.00\""),
                money("\"2000.00\""))));

        assertThat(same.differencesFrom(expected)).isEmpty();
        assertThat(other.differencesFrom(expected))
                .containsExactly("credit 3000.01 (events: 3000.00)", "depositHeld 2000.00 (events: 0.00)");
    }

    @Test
    void aRenewedLeaseNoLongerHoldsTheDepositItsRenewalCarriedOverFromIt() {
        String old = "9a2e0000-0000-4000-8000-000000000001";
        String renewal = "9a2e0000-0000-4000-8000-000000000002";
        JsonNode renewed = json("[" + String.join(",",
                event("SecurityDepositHeld", "{\"amount\": " + money("30000.00") + "}"),
                event("LeaseRenewed", "{\"renewedBy\": \"" + renewal + "\"}")) + "]");
        JsonNode renewals = json("[" + String.join(",",
                event("SecurityDepositCarriedOver", "{\"fromLeaseId\": \"" + old + "\", \"amount\": "
                        + money("30000.00") + "}"),
                event("SecurityDepositCarriedOver", "{\"fromLeaseId\": \"" + renewal + "\", \"amount\": "
                        + money("5.00") + "}")) + "]");

        assertThat(LedgerTotals.renewedBy(renewed)).hasToString(renewal);
        assertThat(LedgerTotals.ofEvents(renewed).depositHeld()).isEqualByComparingTo("30000.00");
        assertThat(LedgerTotals.ofEvents(renewed).lessCarriedOverFrom(UUID.fromString(old), renewals)
                               .depositHeld()).isEqualByComparingTo("0.00");
        assertThat(LedgerTotals.renewedBy(json("[" + event("LeaseProposed", "{}") + "]"))).isNull();
    }

    @Test
    void aLeaseNeverInForceHasNoMoney() {
        assertThat(LedgerTotals.ofEvents(json("[" + event("LeaseProposed", "{}") + "]")).isEmpty()).isTrue();
    }
}
