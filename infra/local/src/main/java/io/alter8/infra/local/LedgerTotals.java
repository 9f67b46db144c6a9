package io.alter8.infra.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A lease's ledger totals, summed from its events alone (as the audit route shows them) or read from the query
 * side's ledger, so that the two can be compared. The sums follow the lease's own rules, not the read model's code:
 * a charge owes its latest scheduled amount plus its late fee (none once waived) unless it was cancelled; a payment
 * counts once whatever its events; what was allocated to the charges in force, taken from what was paid, is the
 * credit; the balance is charged minus paid; the deposit held is held (or carried over, on a renewal) minus
 * deducted minus refunded, less what a renewal took over ({@link #lessCarriedOverFrom}: an event of the renewal).
 */
record LedgerTotals(BigDecimal charged, BigDecimal paid, BigDecimal credit, BigDecimal balance,
                    BigDecimal depositHeld, int charges, int payments) {

    /** Reads amounts written as JSON numbers exactly, as decimals, and keeps their scale. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                             .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    /** The events of one lease, in order: {@code type} (the event class) and {@code payload} of each. */
    static LedgerTotals ofEvents(JsonNode events) {
        Map<Integer, Charge> charges = new TreeMap<>();
        Map<String, BigDecimal> payments = new HashMap<>();
        BigDecimal deposit = BigDecimal.ZERO;
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            JsonNode p = event.path("payload");
            int number = p.path("chargeNumber").asInt(-1);
            switch (type.substring(type.lastIndexOf('.') + 1)) {
                case "RentChargeScheduled" -> charges.computeIfAbsent(number, n -> new Charge()).schedule(
                        amount(p.path("amountDue")));
                case "RentChargeCancelled" -> charges.computeIfAbsent(number, n -> new Charge()).cancelled = true;
                case "LateFeeApplied" -> charges.computeIfAbsent(number, n -> new Charge()).fee = amount(p.path("amount"));
                case "LateFeeWaived" -> charges.computeIfAbsent(number, n -> new Charge()).fee = BigDecimal.ZERO;
                case "CreditAllocated" -> charges.computeIfAbsent(number, n -> new Charge()).pay(amount(p.path("amount")));
                case "ChargeOverpaid" -> charges.computeIfAbsent(number, n -> new Charge()).pay(
                        amount(p.path("amount")).negate());
                case "PaymentRecorded" -> payments.put(p.path("paymentId").asString(), amount(p.path("amount")));
                // A renewal's events carry the deposit over to it, then hold a top-up or refund a difference.
                case "SecurityDepositHeld", "SecurityDepositCarriedOver" ->
                        deposit = deposit.add(amount(p.path("amount")));
                case "SecurityDepositDeducted", "SecurityDepositRefunded" ->
                        deposit = deposit.subtract(amount(p.path("amount")));
                default -> {
                    // Not money.
                }
            }
        }
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        int inForce = 0;
        for (Charge charge : charges.values()) {
            if (!charge.cancelled) {
                charged = charged.add(charge.due).add(charge.fee);
                allocated = allocated.add(charge.paid);
                inForce++;
            }
        }
        BigDecimal paid = payments.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LedgerTotals(charged, paid, paid.subtract(allocated), charged.subtract(paid), deposit, inForce,
                                payments.size());
    }

    /** The lease that renewed this one ({@code LeaseRenewed.renewedBy}), or null. */
    static UUID renewedBy(JsonNode events) {
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            if (type.endsWith("LeaseRenewed")) {
                String id = event.path("payload").path("renewedBy").asString(null);
                return id == null || id.isEmpty() ? null : UUID.fromString(id);
            }
        }
        return null;
    }

    /** These totals with the deposit the renewal's events ({@code renewalEvents}) carried over from {@code lease} gone. */
    LedgerTotals lessCarriedOverFrom(UUID lease, JsonNode renewalEvents) {
        BigDecimal passedOn = BigDecimal.ZERO;
        for (JsonNode event : renewalEvents) {
            JsonNode p = event.path("payload");
            if (event.path("type").asString().endsWith("SecurityDepositCarriedOver")
                    && lease.toString().equals(p.path("fromLeaseId").asString())) {
                passedOn = passedOn.add(amount(p.path("amount")));
            }
        }
        return new LedgerTotals(charged, paid, credit, balance, depositHeld.subtract(passedOn), charges, payments);
    }

    /** The totals the query side's ledger ({@code GET /api/leases/{id}/ledger}) answers. */
    static LedgerTotals ofLedger(JsonNode ledger) {
        return new LedgerTotals(amount(ledger.path("charged")), amount(ledger.path("paid")),
                                amount(ledger.path("credit")), amount(ledger.path("balance")),
                                amount(ledger.path("depositHeld")), ledger.path("charges").size(),
                                ledger.path("payments").size());
    }

    /** No money at all: a lease never put into force, whose ledger may not exist. */
    boolean isEmpty() {
        return charges == 0 && payments == 0 && depositHeld.signum() == 0;
    }

    /** What differs from {@code expected}, each as "name read (expected)"; empty if they are the same to the cent. */
    List<String> differencesFrom(LedgerTotals expected) {
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("charged", new Object[]{charged, expected.charged});
        pairs.put("paid", new Object[]{paid, expected.paid});
        pairs.put("credit", new Object[]{credit, expected.credit});
        pairs.put("balance", new Object[]{balance, expected.balance});
        pairs.put("depositHeld", new Object[]{depositHeld, expected.depositHeld});
        pairs.put("charges", new Object[]{charges, expected.charges});
        pairs.put("payments", new Object[]{payments, expected.payments});
        List<String> differences = new ArrayList<>();
        pairs.forEach((name, pair) -> {
            boolean same = pair[0] instanceof BigDecimal a ? a.compareTo((BigDecimal) pair[1]) == 0
                                                           : pair[0].equals(pair[1]);
            if (!same) {
                differences.add(name + " " + plain(pair[0]) + " (events: " + plain(pair[1]) + ")");
            }
        });
        return differences;
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    /** A money value as JSON gives it: {@code {"amount": "25000.00", "currency": "INR"}}, amount text or number. */
    private static BigDecimal amount(JsonNode money) {
        JsonNode amount = money.path("amount");
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        String text = amount.asString("");
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** One charge as its events leave it. */
    private static final class Charge {

        BigDecimal due = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        boolean cancelled;

        void schedule(BigDecimal amountDue) {
            due = amountDue;
            cancelled = false;
        }

        void pay(BigDecimal amount) {
            paid = paid.add(amount);
        }
    }
}
