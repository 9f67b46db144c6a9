package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import io.alter8.infra.local.StackHttp.Answer;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code alter8 check ledgers}: for every lease in the event store, its ledger totals as the query side answers them
 * against the same totals summed from the lease's own events ({@link LedgerTotals}), read from the event store
 * through the audit route. Names every lease that differs and how, and the time the whole check took.
 */
final class CheckCommand {

    static final String USAGE = """
            Usage: alter8 check ledgers [options]

            For every lease in the event store of a running stack: the query side's ledger totals (charged,
            paid, credit, balance, deposit held, number of charges and payments) against the same totals summed
            from the lease's own events (GET /api/audit/lease/{id}/events, as an admin). Prints every lease that
            differs and the time it took. Exit status 0 when all agree, 1 when some differ.

            Options:
              -c N               leases checked at once (default 4)
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --key-file FILE    the stack's private key, to sign the admin's tokens
                                 (default .alter8-data/keys/jwt-private.pem)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("-c", "--command-url", "--query-url", "--key-file");
    /** Below the per-user hourly limit of a route: a new admin after this many requests. */
    private static final int REQUESTS_PER_TOKEN = 2_000;
    private static final int LISTED_DIFFERENCES = 20;

    private final StackHttp http;
    private final URI commandUrl;
    private final URI queryUrl;
    private final int clients;

    private CheckCommand(Args args) {
        this.http = new StackHttp(args);
        this.commandUrl = StackHttp.baseUri(args.string("--command-url", "http://localhost:8080"));
        this.queryUrl = StackHttp.baseUri(args.string("--query-url", "http://localhost:8081"));
        this.clients = args.integer("-c", 4, 1, 64);
    }

    static int run(List<String> arguments) {
        try {
            return ledgers(arguments).isEmpty() ? 0 : 1;
        } catch (BenchException e) {
            Console.error("Check failed: {}", e.getMessage());
            return 2;
        }
    }

    /** {@code ledgers [options]}: the leases that differ, each with its differences. */
    static Map<UUID, List<String>> ledgers(List<String> arguments) {
        if (arguments.isEmpty() || !arguments.get(0).equals("ledgers")) {
            throw new UsageException("check what? alter8 check ledgers");
        }
        return new CheckCommand(Args.parse(arguments.subList(1, arguments.size()), VALUE_FLAGS, Set.of())).ledgers();
    }

    /** Checks every lease; answers the ones that differ, each with its differences. */
    private Map<UUID, List<String>> ledgers() {
        String loadAtStart = BenchCommand.loadAverage();
        long start = System.nanoTime();
        List<UUID> leases = leases();
        double listed = (System.nanoTime() - start) / 1e9;
        Console.say("checking the ledgers of {} leases against their events ({} at once); load {}", leases.size(),
                    clients, loadAtStart);
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        AtomicInteger withoutMoney = new AtomicInteger();
        Map<UUID, List<String>> differing = Collections.synchronizedMap(new LinkedHashMap<>());
        StackHttp.onClients(clients, () -> {
            Tokens tokens = new Tokens();
            for (int i = next.getAndIncrement(); i < leases.size(); i = next.getAndIncrement()) {
                UUID lease = leases.get(i);
                JsonNode history = tokens.getJson(commandUrl.resolve("/api/audit/lease/" + lease + "/events"));
                JsonNode stored = history.path("events");
                events.addAndGet(stored.size());
                LedgerTotals expected = LedgerTotals.ofEvents(stored);
                // A renewal's carry-over is an event of the renewal: what it took leaves this lease's deposit.
                UUID renewal = LedgerTotals.renewedBy(stored);
                if (renewal != null) {
                    JsonNode renewals = tokens.getJson(commandUrl.resolve("/api/audit/lease/" + renewal + "/events"))
                                              .path("events");
                    events.addAndGet(renewals.size());
                    expected = expected.lessCarriedOverFrom(lease, renewals);
                }
                long last = stored.isEmpty() ? -1 : stored.get(stored.size() - 1).path("position").asLong();
                // The ledger as of the lease's last event at least: the query side waits up to 5 s for it.
                Answer ledger = tokens.get(queryUrl.resolve("/api/leases/" + lease + "/ledger"),
                                           "X-Await-Position", Long.toString(last));
                if (ledger.status() == 404 && expected.isEmpty()) {
                    withoutMoney.incrementAndGet();
                    continue;
                }
                if (ledger.status() != 200) {
                    differing.put(lease, List.of("the query side answered " + ledger.status() + " "
                                                         + StackHttp.abbreviate(ledger.body())));
                    continue;
                }
                List<String> differences = LedgerTotals.ofLedger(LedgerTotals.JSON.readTree(ledger.body()))
                                                       .differencesFrom(expected);
                if (!differences.isEmpty()) {
                    differing.put(lease, differences);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int shown = 0;
        for (Map.Entry<UUID, List<String>> lease : differing.entrySet()) {
            if (shown++ < LISTED_DIFFERENCES) {
                Console.say("  lease {}: {}", lease.getKey(), String.join(", ", lease.getValue()));
            }
        }
        if (differing.size() > LISTED_DIFFERENCES) {
            Console.say("  … and {} more", differing.size() - LISTED_DIFFERENCES);
        }
        Console.say("{} of {} leases differ ({} never in force, without money); {} events read in {} s "
                            + "({} leases/s; listing them {} s); load {} → {}", differing.size(), leases.size(),
                    withoutMoney.get(), events.get(), round(seconds), Math.round(leases.size() / seconds),
                    round(listed), loadAtStart, BenchCommand.loadAverage());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("check", "ledgers");
        figures.put("leases", leases.size());
        figures.put("differing", differing.size());
        figures.put("withoutMoney", withoutMoney.get());
        figures.put("events", events.get());
        figures.put("seconds", round(seconds));
        figures.put("clients", clients);
        figures.put("loadAverageStart", loadAtStart);
        figures.put("loadAverageEnd", BenchCommand.loadAverage());
        Console.say("{}", StackHttp.JSON.writeValueAsString(figures));
        return differing;
    }

    /** Every lease in the event store: the aggregates of its {@code LeaseProposed} events, paged by position. */
    private List<UUID> leases() {
        Tokens tokens = new Tokens();
        List<UUID> leases = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = tokens.getJson(commandUrl.resolve("/api/audit/events?aggregateType=lease&type=LeaseProposed"
                                                                      + "&size=100"
                                                                      + (after < 0 ? "" : "&afterPosition=" + after)));
            for (JsonNode event : page.path("items")) {
                leases.add(UUID.fromString(event.path("aggregateId").asString()));
            }
            if (page.path("nextAfterPosition").isNull() || page.path("items").isEmpty()) {
                return leases;
            }
            after = page.path("nextAfterPosition").asLong();
        }
    }

    /** An admin's token, a new admin every {@link #REQUESTS_PER_TOKEN} requests; one per client thread. */
    private final class Tokens {

        private String token;
        private int used;

        Answer get(URI uri, String... headers) {
            if (token == null || used++ >= REQUESTS_PER_TOKEN) {
                token = http.token("admin", UUID.randomUUID());
                used = 1;
            }
            return http.measuredGet(uri, token, headers);
        }

        JsonNode getJson(URI uri) {
            Answer answer = get(uri);
            if (answer.status() != 200) {
                throw new BenchException("GET " + uri + " answered " + answer.status() + " "
                                                 + StackHttp.abbreviate(answer.body()));
            }
            return LedgerTotals.JSON.readTree(answer.body());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
