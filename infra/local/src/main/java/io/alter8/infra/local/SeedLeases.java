package io.alter8.infra.local;

import io.alter8.infra.local.StackHttp.Answer;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Leases of seeded listings, made through the lease routes the way their parties use them: a tenant applies, the
 * owner and the tenant approve and sign, an admin puts the lease into force for the owner (the leasing process takes
 * the unit; an admin acts beyond the owner's plan, whose free tier has five leases in force), the tenant pays. Leases start one to six months before the seed's day, so each has charges already due; most are
 * paid up, some partly or not at all (the assessment then applies their late fee, and some fees are waived), and one
 * in ten ends today, with a deduction from its deposit and the refund.
 * <p>
 * Lease {@code k} always lets the same listing to the same tenant with the same terms (ids derive from the seed), so
 * seeding again finds the lease there and leaves it. Tenants act with tokens signed by the stack's key and have no
 * account: an account costs a password hash on a command side that the leases' own commands are measuring.
 */
final class SeedLeases {

    /** About how many events one lease adds (its proposal to its charges, payments and fees, and the unit taken). */
    static final int EVENTS_PER_LEASE = 30;
    private static final int GRACE_DAYS = 3;
    private static final List<String> METHODS = List.of("upi", "bank_transfer", "upi", "card", "cheque", "cash");

    /** What becomes of a lease once it is in force. */
    enum Fate {
        /** Every charge due paid in full. */
        PAID_UP,
        /** The newest charge due half paid: a late fee once its grace days are over, and waived. */
        PARTIAL_WAIVED,
        /** As {@link #PARTIAL_WAIVED}, the fee kept. */
        PARTIAL,
        /** The newest charge due not paid: a late fee once its grace days are over. */
        UNPAID,
        /** Paid up, then ended today: a deduction from the deposit and the refund of the rest. */
        ENDED;

        static Fate of(int lease) {
            return switch (lease % 10) {
                case 6 -> PARTIAL_WAIVED;
                case 7 -> PARTIAL;
                case 8 -> UNPAID;
                case 9 -> ENDED;
                default -> PAID_UP;
            };
        }
    }

    /** Lease {@code number} of the seed, on listing {@code listing}; amounts in whole units of the currency. */
    record Plan(int number, int listing, UUID leaseId, UUID propertyId, UUID ownerId, UUID tenantId, String currency,
                long rent, long maintenance, long deposit, LocalDate start, LocalDate end, Fate fate) {

        long monthly() {
            return rent + maintenance;
        }

        /** Charges due by {@code today}: periods start on the start date plus k months, each due that day. */
        int chargesDue(LocalDate today) {
            int due = 0;
            while (!start.plusMonths(due).isAfter(today) && !start.plusMonths(due).isAfter(end)) {
                due++;
            }
            return due;
        }
    }

    /** How one lease went: created, already there, or refused (with why). */
    record Outcome(boolean created, long position, int commands, String failure) {
    }

    private final StackHttp http;
    private final URI commandUrl;
    private final URI queryUrl;
    private final String admin;
    private final long seed;
    private final LocalDate seedDay;

    /** {@code admin}: the seed's admin, who puts the leases into force for their owners. */
    SeedLeases(StackHttp http, URI commandUrl, URI queryUrl, String admin, long seed, LocalDate seedDay) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.admin = admin;
        this.seed = seed;
        this.seedDay = seedDay;
    }

    /**
     * The first {@code count} leases, on the listings among the first {@code listings} that a tenant can rent as a
     * whole (one unit, listed publicly); fewer if there are not that many.
     */
    List<Plan> plans(int count, int listings, SeedListings generator, List<UUID> owners, int listingsPerOwner) {
        List<Plan> plans = new ArrayList<>();
        for (int n = 0; n < listings && plans.size() < count; n++) {
            UUID owner = owners.get(n / listingsPerOwner % owners.size());
            Map<String, Object> listing = generator.listing(n, owner);
            Map<?, ?> property = (Map<?, ?>) listing.get("property");
            Object listed = listing.get("listingStatus");
            if (property.containsKey("units") || !("public".equals(listed) || "featured".equals(listed))) {
                continue;
            }
            Map<?, ?> terms = (Map<?, ?>) property.get("terms");
            int k = plans.size();
            LocalDate start = seedDay.minusMonths(1 + k % 6).withDayOfMonth(1 + k % 28);
            String currency = (String) ((Map<?, ?>) terms.get("monthlyRent")).get("currency");
            // Indian leases run eleven months (under the registration threshold), American ones a year.
            LocalDate end = start.plusMonths(currency.equals("INR") ? 11 : 12).minusDays(1);
            plans.add(new Plan(k, n, uuid("lease", n), (UUID) property.get("id"), owner, uuid("tenant", n), currency,
                               amount(terms, "monthlyRent"), amount(terms, "maintenanceCharge"),
                               amount(terms, "securityDeposit"), start, end, Fate.of(k)));
        }
        return plans;
    }

    /** Takes the lease from the tenant's application to its fate, except a waiver (after the assessment). */
    Outcome create(Plan plan) {
        String tenant = http.token("tenant", plan.tenantId());
        String owner = http.token("owner", plan.ownerId());
        String lease = "/api/leases/" + plan.leaseId();
        Steps steps = new Steps();
        JsonNode proposed = steps.send("/api/leases", tenant, proposal(plan), 201);
        if (proposed == null && steps.lastStatus == 404
                && http.measuredGet(queryUrl.resolve(lease), admin).status() == 200) {
            // Seeded before: the property, let since, is off the market, so applying again is a 404.
            return new Outcome(false, -1, steps.commands, null);
        }
        if (proposed == null) {
            return steps.failed();
        }
        if (proposed.path("version").asLong() > 0) {
            // Seeded before: its events are there already.
            return new Outcome(false, proposed.path("position").asLong(-1), steps.commands, null);
        }
        boolean done = steps.send(lease + "/approval", owner, null, 200) != null
                && steps.send(lease + "/approval", tenant, null, 200) != null
                && steps.send(lease + "/signatures", owner, signature(plan, "owner"), 200) != null
                && steps.send(lease + "/signatures", tenant, signature(plan, "tenant"), 200) != null
                && steps.activate(lease + "/activation", admin);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int due = plan.chargesDue(today);
        for (int i = 0; done && i < due; i++) {
            boolean last = i == due - 1;
            if (last && plan.fate() == Fate.UNPAID) {
                break;
            }
            long amount = last && (plan.fate() == Fate.PARTIAL || plan.fate() == Fate.PARTIAL_WAIVED)
                    ? plan.monthly() / 2 : plan.monthly();
            done = steps.send(lease + "/payments", tenant, payment(plan, i, amount, today), 200) != null;
        }
        if (done && plan.fate() == Fate.ENDED) {
            done = steps.send(lease + "/termination", owner, json(Map.of(
                           "terminationDate", today.toString(), "reason", "the tenant moved out")), 200) != null
                    && (plan.deposit() == 0 || steps.send(lease + "/deposit/deductions", owner, json(Map.of(
                            "amount", money(Math.max(1, plan.deposit() / 10), plan.currency()),
                            "reason", "repainting")), 200) != null)
                    && steps.send(lease + "/deposit/refund", owner, json(Map.of(
                            "reference", "NEFT " + plan.number())), 200) != null;
        }
        return done ? new Outcome(true, steps.position, steps.commands, null) : steps.failed();
    }

    /**
     * Waives the late fee of a {@link Fate#PARTIAL_WAIVED} lease's open charge; false if it has none (its grace days
     * were not over at the assessment). Its id is the one the lease gives the fee of that charge.
     */
    Outcome waive(Plan plan) {
        int charge = plan.chargesDue(LocalDate.now(ZoneOffset.UTC)) - 1;
        UUID fee = UUID.nameUUIDFromBytes((plan.leaseId() + "/late-fee/" + charge).getBytes(StandardCharsets.UTF_8));
        Steps steps = new Steps();
        JsonNode waived = steps.send("/api/leases/" + plan.leaseId() + "/late-fees/" + fee + "/waiver",
                                     http.token("owner", plan.ownerId()),
                                     json(Map.of("reason", "paid late because of a bank holiday")), 200, 404);
        return waived == null ? steps.failed()
                : new Outcome(waived.has("position"), steps.position, steps.commands, null);
    }

    /** The commands of one lease, in order; the first unexpected answer stops it. */
    private final class Steps {

        int commands;
        long position = -1;
        int lastStatus;
        String failure;

        /** The answer's JSON if its status is one of {@code expected} (empty for a 404), else null. */
        JsonNode send(String path, String token, String body, int... expected) {
            Answer answer = http.measured("POST", commandUrl.resolve(path), token, body == null ? "" : body);
            commands++;
            lastStatus = answer.status();
            for (int status : expected) {
                if (answer.status() == status) {
                    JsonNode json = status == 404 ? StackHttp.JSON.createObjectNode()
                                                  : StackHttp.JSON.readTree(answer.body());
                    position = Math.max(position, json.path("position").asLong(-1));
                    return json;
                }
            }
            failure = "POST " + path + " answered " + answer.status() + " " + StackHttp.abbreviate(answer.body());
            return null;
        }

        /** 200 once in force; 202 while the leasing process has not answered: asking again answers its outcome. */
        boolean activate(String path, String token) {
            for (int attempt = 0; attempt < 30; attempt++) {
                if (send(path, token, null, 200, 202) == null) {
                    return false;
                }
                if (lastStatus == 200) {
                    return true;
                }
                pause();
            }
            failure = "POST " + path + " still answered 202 after 30 attempts";
            return false;
        }

        Outcome failed() {
            return new Outcome(false, position, commands, failure);
        }
    }

    private static void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchCommand.BenchException("interrupted");
        }
    }

    private String proposal(Plan plan) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("startDate", plan.start().toString());
        terms.put("endDate", plan.end().toString());
        terms.put("noticePeriodDays", 30);
        terms.put("monthlyRent", money(plan.rent(), plan.currency()));
        terms.put("securityDeposit", money(plan.deposit(), plan.currency()));
        if (plan.maintenance() > 0) {
            terms.put("maintenanceCharge", money(plan.maintenance(), plan.currency()));
        }
        terms.put("annualRentIncreasePercent", 5);
        terms.put("lateFee", plan.number() % 2 == 0
                ? Map.of("kind", "flat", "flatAmount", money(plan.currency().equals("INR") ? 500 : 25, plan.currency()),
                         "graceDays", GRACE_DAYS)
                : Map.of("kind", "percent", "percent", 2, "maximum",
                         money(plan.currency().equals("INR") ? 1_000 : 50, plan.currency()), "graceDays", GRACE_DAYS));
        return json(Map.of("id", plan.leaseId(), "propertyId", plan.propertyId(), "terms", terms));
    }

    private static String signature(Plan plan, String as) {
        return json(Map.of("as", as, "signatureUrl", "https://sign.example/" + plan.leaseId() + "/" + as));
    }

    /** Payment {@code i} pays charge {@code i} on its due date (or now, if that is still ahead today). */
    private static String payment(Plan plan, int i, long amount, LocalDate today) {
        Instant due = plan.start().plusMonths(i).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant now = Instant.now().minus(1, ChronoUnit.MINUTES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.nameUUIDFromBytes((plan.leaseId() + "/payment/" + i).getBytes(StandardCharsets.UTF_8)));
        body.put("amount", money(amount, plan.currency()));
        body.put("method", METHODS.get((plan.number() + i) % METHODS.size()));
        body.put("paidAt", (due.isAfter(now) ? now : due).toString());
        body.put("gatewayId", "seed");
        body.put("gatewayTransactionId", "seed-" + plan.leaseId() + "-" + i);
        return json(body);
    }

    private UUID uuid(String kind, int listing) {
        return UUID.nameUUIDFromBytes(("alter8-seed-" + kind + ":" + seed + ":" + listing)
                                              .getBytes(StandardCharsets.UTF_8));
    }

    private static long amount(Map<?, ?> terms, String name) {
        Map<?, ?> money = (Map<?, ?>) terms.get(name);
        return money == null ? 0 : Long.parseLong((String) money.get("amount"));
    }

    private static Map<String, Object> money(long amount, String currency) {
        return Map.of("amount", Long.toString(amount), "currency", currency);
    }

    private static String json(Object value) {
        return StackHttp.JSON.writeValueAsString(value);
    }
}
