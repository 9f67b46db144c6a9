package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code alter8 seed}: fills a running stack with listings for the search benchmark, through the admins' bulk import
 * ({@code POST /api/admin/property-imports}), so that every listing is a property aggregate with its events like any
 * other. Owners are real accounts (registered once per seed and remembered in the data directory); listing ids derive
 * from the seed, so seeding again changes nothing. Waits until the query side has projected everything.
 */
final class SeedCommand {

    static final String USAGE = """
            Usage: alter8 seed [options]

            Registers listings in a running stack (start it with ./alter8 run) through the admins' bulk import,
            across every city and area of the master data, then waits for the query side to project them.

            Options:
              --listings N       listings to import (default 100000; with --leases alone, twice the leases)
              --leases N         then let N of them through the lease routes (default 0; with --events, one
                                 lease per 500 events): application, approvals, signatures, activation,
                                 payments, late fees (the assessment is run by moving the clock a second),
                                 some waived, one in ten ended with its deposit deducted and refunded
              --events N         instead: import listings until the event store holds N events (e.g. 1000000,
                                 for replay figures), less about 30 per lease, then the leases; each listing
                                 is about 5 events of a Property aggregate
              -c N               import requests in flight (default 2)
              --batch N          listings per import request, at most 500 (default 500)
              --owners N         owner accounts the listings belong to (default one per 250 listings)
              --seed N           which listings: the same seed gives the same listings (default 8)
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --timeout S        how long to wait for the query side to catch up (default 3600)
              --data-dir DIR     where the seed remembers its owners and day, and the stack's token key
                                 (default .alter8-data)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("--listings", "--events", "-c", "--batch", "--owners", "--seed",
                                                          "--command-url", "--query-url", "--timeout", "--key-file",
                                                          "--leases", "--data-dir");
    private static final String PROCESSOR = "property-listing";
    /** The read models of leases, which the seeded leases must reach before the seed ends. */
    private static final List<String> LEASE_PROCESSORS = List.of("leases", "rent-accounts");
    private static final String OWNER_PASSWORD = "seeded owner password";
    /** Listing n belongs to owner n / 250: the same owner however many listings a run seeds. */
    private static final int LISTINGS_PER_OWNER = 250;

    private final StackHttp http;
    private final URI commandUrl;
    private final URI queryUrl;
    private final int listings;
    private final int leases;
    /** With --events: import until the store's head position reaches this; 0 to import {@link #listings}. */
    private final long events;
    private final int clients;
    private final int batch;
    private final int owners;
    private final long seed;
    private final Duration timeout;
    private final String admin;
    /** Where the owners and the day of the seed are remembered. */
    private final Path dataDir;
    /** Whether this stack has the owners a previous run registered (so its listings and their day are known). */
    private boolean rememberedStack;

    private SeedCommand(Args args) {
        this.dataDir = args.path("--data-dir", Alter8Cli.dataDir());
        this.http = new StackHttp(args, dataDir);
        this.commandUrl = StackHttp.baseUri(args.string("--command-url", "http://localhost:8080"));
        this.queryUrl = StackHttp.baseUri(args.string("--query-url", "http://localhost:8081"));
        this.events = args.integer("--events", 0, 0, 100_000_000);
        this.leases = args.integer("--leases", events > 0 ? (int) (events / 500) : 0, 0, 1_000_000);
        // By events: as many listings as it takes (fewer than one event each is impossible). For leases alone:
        // enough listings that are let as a whole and listed publicly (about two in three).
        boolean leasesAlone = leases > 0 && args.string("--listings", null) == null;
        this.listings = events > 0 ? (int) events
                : args.integer("--listings", leasesAlone ? Math.max(10, 2 * leases) : 100_000, 1, 10_000_000);
        this.clients = args.integer("-c", 2, 1, 64);
        this.batch = args.integer("--batch", 500, 1, 500);
        // By events, a listing is about five: one owner per 250 listings still.
        int expectedListings = events > 0 ? (int) Math.max(1, events / 5) : listings;
        this.owners = args.integer("--owners", (expectedListings + LISTINGS_PER_OWNER - 1) / LISTINGS_PER_OWNER, 1,
                                   100_000);
        this.seed = args.integer("--seed", 8, 0, Integer.MAX_VALUE);
        this.timeout = Duration.ofSeconds(args.integer("--timeout", 3_600, 1, 86_400));
        // The importing admin is recorded in each listing's registration: the same one for the same seed, or a
        // second run would find every listing "registered with other details".
        this.admin = http.token("admin", UUID.nameUUIDFromBytes(("alter8-seed-admin:" + seed)
                                                                       .getBytes(StandardCharsets.UTF_8)));
    }

    static int run(List<String> arguments) {
        Args args = Args.parse(arguments, VALUE_FLAGS, Set.of());
        try {
            new SeedCommand(args).execute();
            return 0;
        } catch (BenchException e) {
            Console.error("Seeding failed: {}", e.getMessage());
            return 1;
        }
    }

    private void execute() {
        // By events, the leases' events count too: the listings stop short of them.
        long listingEvents = events - (long) leases * SeedLeases.EVENTS_PER_LEASE;
        Console.say("Alter8 seed: {}{} (seed {}) in batches of {}, {} in flight → {}",
                    events > 0 ? "listings until the store holds " + listingEvents + " events" : listings + " listings",
                    leases > 0 ? ", then " + leases + " leases" : "", seed, batch, clients, commandUrl);
        Console.say("machine: {} CPUs, load {}", Runtime.getRuntime().availableProcessors(),
                    BenchCommand.loadAverage());
        MasterDataLookup master = MasterDataLookup.fetch(http, queryUrl, admin);
        List<UUID> ownerIds = owners();
        LocalDate day = seedDay();
        SeedListings generator = new SeedListings(master, seed, day);

        List<SeedLeases.Plan> plans = new SeedLeases(http, commandUrl, queryUrl, admin, seed, day)
                .plans(leases, listings, generator, ownerIds, LISTINGS_PER_OWNER);
        Set<String> let = plans.stream().map(plan -> plan.propertyId().toString()).collect(Collectors.toSet());
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicInteger imported = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong maxPosition = new AtomicLong(-1);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int batches = (listings + batch - 1) / batch;
        URI target = commandUrl.resolve("/api/admin/property-imports");

        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> {
            int done = imported.get() + unchanged.get() + failed.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            Console.say("  {} listings, {}/s; store head at {}", done, Math.round(done / seconds), maxPosition.get());
        }, 10, 10, TimeUnit.SECONDS);
        try {
            StackHttp.onClients(clients, () -> {
                for (int b = nextBatch.getAndIncrement(); b < batches && (events == 0 || maxPosition.get() < listingEvents);
                     b = nextBatch.getAndIncrement()) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int n = b * batch; n < Math.min(listings, (b + 1) * batch); n++) {
                        items.add(generator.listing(n, ownerIds.get(n / LISTINGS_PER_OWNER % ownerIds.size())));
                    }
                    HttpResponse<String> answer = http.post(target, admin, StackHttp.JSON.writeValueAsString(
                            Map.of("listings", items)));
                    if (answer.statusCode() != 200) {
                        throw new BenchException("import answered " + answer.statusCode() + " "
                                                         + StackHttp.abbreviate(answer.body()));
                    }
                    JsonNode result = StackHttp.JSON.readTree(answer.body());
                    imported.addAndGet(result.path("imported").asInt());
                    unchanged.addAndGet(result.path("unchanged").asInt());
                    maxPosition.accumulateAndGet(result.path("position").asLong(-1), Math::max);
                    for (JsonNode r : result.path("results")) {
                        if (!r.path("outcome").asString().equals("failed")) {
                            continue;
                        }
                        if (r.path("status").asInt() == 409 && let.contains(r.path("id").asString())) {
                            // Let by an earlier run: a property with a lease in force is no longer listed.
                            unchanged.incrementAndGet();
                            continue;
                        }
                        failed.incrementAndGet();
                        if (failures.size() < 5) {
                            failures.add(r.path("status").asInt() + " " + r.path("detail").asString());
                        }
                    }
                }
                return null;
            });
        } finally {
            progress.shutdownNow();
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        int sent = imported.get() + unchanged.get() + failed.get();
        Console.say("imported {} new, {} unchanged, {} failed in {} s = {} listings/s, {} events/s{}", imported.get(),
                    unchanged.get(), failed.get(), round(importSeconds), Math.round(sent / importSeconds),
                    Math.round(maxPosition.get() / importSeconds), failures.isEmpty() ? "" : "; e.g. " + failures);

        long caughtUpAt = awaitProjection(maxPosition.get(), List.of(PROCESSOR));
        double totalSeconds = (caughtUpAt - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("listings", sent);
        figures.put("imported", imported.get());
        figures.put("unchanged", unchanged.get());
        figures.put("failed", failed.get());
        figures.put("importSeconds", round(importSeconds));
        figures.put("listingsPerSecond", Math.round(sent / importSeconds));
        figures.put("eventsPerSecond", Math.round(maxPosition.get() / importSeconds));
        figures.put("projectedAfterSeconds", round(totalSeconds));
        figures.put("headPosition", maxPosition.get());
        figures.put("loadAverageEnd", BenchCommand.loadAverage());
        Console.say("projected by the query side {} s after the start; load {}", round(totalSeconds),
                    BenchCommand.loadAverage());
        if (failed.get() > 0) {
            Console.say("{}", StackHttp.JSON.writeValueAsString(figures));
            throw new BenchException(failed.get() + " listings were refused, e.g. " + failures);
        }
        if (leases > 0) {
            seedLeases(plans, sent, day, figures);
        }
        Console.say("{}", StackHttp.JSON.writeValueAsString(figures));
    }

    /**
     * Lets {@link #leases} of the first {@code listings} listings ({@link SeedLeases}, planned before the import, which
     * counts those already let as unchanged), -c at a time; then moves the
     * platform's clock a second, which runs the late-fee assessment at once, waives some fees, and waits for the
     * lease read models.
     */
    private void seedLeases(List<SeedLeases.Plan> plans, int listings, LocalDate day, Map<String, Object> figures) {
        SeedLeases seeder = new SeedLeases(http, commandUrl, queryUrl, admin, seed, day);
        if (plans.size() < leases || plans.get(plans.size() - 1).listing() >= listings) {
            throw new BenchException("the " + listings + " listings seeded hold fewer than " + leases + " that a "
                                             + "tenant can rent as a whole: seed more listings");
        }
        Console.say("letting {} listings: application, approvals, signatures, activation, payments…", leases);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger existing = new AtomicInteger();
        AtomicInteger commands = new AtomicInteger();
        AtomicLong position = new AtomicLong(-1);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> Console.say("  {} leases, {} commands/s", created.get() + existing.get(),
                                                       Math.round(commands.get() * 1e9 / (System.nanoTime() - start))),
                                     10, 10, TimeUnit.SECONDS);
        try {
            StackHttp.onClients(clients, () -> {
                for (int k = next.getAndIncrement(); k < plans.size(); k = next.getAndIncrement()) {
                    SeedLeases.Outcome outcome = seeder.create(plans.get(k));
                    commands.addAndGet(outcome.commands());
                    position.accumulateAndGet(outcome.position(), Math::max);
                    if (outcome.failure() != null) {
                        failures.add("lease " + plans.get(k).leaseId() + ": " + outcome.failure());
                    } else if (outcome.created()) {
                        created.incrementAndGet();
                    } else {
                        existing.incrementAndGet();
                    }
                }
                return null;
            });
        } finally {
            progress.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Console.say("leases: {} new, {} there already, {} refused in {} s = {} commands/s{}", created.get(),
                    existing.get(), failures.size(), round(seconds), Math.round(commands.get() / seconds),
                    failures.isEmpty() ? "" : "; e.g. " + failures.subList(0, Math.min(3, failures.size())));

        // The late-fee assessment runs hourly, and at once when the local clock moves.
        long assessing = System.nanoTime();
        HttpResponse<String> moved = http.post(commandUrl.resolve("/api/admin/clock"), admin, "{\"advanceBy\": \"PT1S\"}");
        if (moved.statusCode() == 200) {
            Console.say("late fees assessed over every lease in force in {} s", round((System.nanoTime() - assessing) / 1e9));
            AtomicInteger waived = new AtomicInteger();
            for (SeedLeases.Plan plan : plans) {
                if (plan.fate() == SeedLeases.Fate.PARTIAL_WAIVED) {
                    SeedLeases.Outcome outcome = seeder.waive(plan);
                    position.accumulateAndGet(outcome.position(), Math::max);
                    if (outcome.failure() != null) {
                        failures.add("waiver on lease " + plan.leaseId() + ": " + outcome.failure());
                    } else if (outcome.created()) {
                        waived.incrementAndGet();
                    }
                }
            }
            figures.put("lateFeesWaived", waived.get());
        } else {
            Console.say("the platform's clock is not movable here ({}): late fees come with the hourly assessment",
                        moved.statusCode());
        }
        // The assessment's own events are past the last answer's position: wait for the head of the store.
        long head = lastPositionAfter(position.get());
        long caughtUpAt = awaitProjection(head, LEASE_PROCESSORS);
        figures.put("leases", plans.size());
        figures.put("leasesCreated", created.get());
        figures.put("leasesThere", existing.get());
        figures.put("leasesRefused", failures.size());
        figures.put("leaseSeconds", round(seconds));
        figures.put("leaseCommandsPerSecond", Math.round(commands.get() / seconds));
        figures.put("leasesProjectedAfterSeconds", round((caughtUpAt - start) / 1e9));
        figures.put("headPosition", head);
        figures.put("loadAverageEnd", BenchCommand.loadAverage());
        Console.say("lease read models at position {} {} s after the first lease; load {}", head,
                    round((caughtUpAt - start) / 1e9), BenchCommand.loadAverage());
        if (!failures.isEmpty()) {
            Console.say("{}", StackHttp.JSON.writeValueAsString(figures));
            throw new BenchException(failures.size() + " lease steps were refused, e.g. "
                                             + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    /**
     * The owners of the seed's listings: registered on the first run and remembered beside the stack's data, so
     * that seeding again imports the very same listings (same owner) and changes nothing.
     */
    private List<UUID> owners() {
        Path file = dataDir.resolve("seed-owners-" + seed + ".txt");
        List<UUID> known = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : read(file)) {
                known.add(UUID.fromString(line.strip()));
            }
            if (!known.isEmpty() && http.get(queryUrl.resolve("/api/users/" + known.get(0)), admin).statusCode()
                    != 200) {
                Console.say("the remembered owners are not in this stack (started fresh?): registering new ones");
                known.clear();
            }
        }
        rememberedStack = !known.isEmpty();
        if (known.size() < owners) {
            Console.say("registering {} owner accounts…", owners - known.size());
            // Created by the seed's admin: a self sign-up would wait for codes sent to each owner's inbox and phone.
            URI register = commandUrl.resolve("/api/admin/users");
            for (int i = known.size(); i < owners; i++) {
                String body = """
                        {"email": "seed-owner-%s@alter8.test", "phone": "+9198%08d", "firstName": "Seed",
                         "lastName": "Owner %d", "role": "owner", "country": "IN", "password": "%s"}"""
                        .formatted(UUID.randomUUID(), Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000), i,
                                   OWNER_PASSWORD);
                HttpResponse<String> answer = http.post(register, admin, body);
                if (answer.statusCode() != 201) {
                    throw new BenchException("registering an owner answered " + answer.statusCode() + " "
                                                     + StackHttp.abbreviate(answer.body()));
                }
                known.add(UUID.fromString(StackHttp.JSON.readTree(answer.body()).path("id").asString()));
            }
            write(file, known);
        }
        return known.subList(0, owners);
    }

    /**
     * The day the listings' dates count from (availability, construction year): the first run's, remembered beside
     * the owners, so that seeding on a later day imports the same listings rather than different ones. A fresh
     * stack (no remembered owners) starts from today.
     */
    private LocalDate seedDay() {
        Path file = dataDir.resolve("seed-day-" + seed + ".txt");
        if (rememberedStack && Files.isRegularFile(file)) {
            List<String> lines = read(file);
            if (!lines.isEmpty()) {
                return LocalDate.parse(lines.get(0).strip());
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        writeLines(file, List.of(today.toString()));
        return today;
    }

    /** Polls the query side's {@code processors} until each has passed {@code position}; answers when (nanoTime). */
    private long awaitProjection(long position, List<String> names) {
        if (position < 0) {
            return System.nanoTime();
        }
        Console.say("waiting for the query side to reach position {}…", position);
        long deadline = System.nanoTime() + timeout.toNanos();
        URI processors = queryUrl.resolve("/actuator/processors");
        while (true) {
            int reached = 0;
            for (JsonNode p : http.getJson(processors, admin)) {
                String name = p.path("name").asString();
                if (names.contains(name)) {
                    if (p.path("error").asBoolean()) {
                        throw new BenchException("processor " + name + " reports an error; see the query log");
                    }
                    if (p.path("position").asLong(-1) >= position) {
                        reached++;
                    }
                }
            }
            if (reached == names.size()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("the query side had not reached position " + position + " after "
                                                 + timeout.toSeconds() + " s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
        }
    }

    /** The position of the store's last event, read from the global log (as an admin) from {@code position} on. */
    private long lastPositionAfter(long position) {
        long last = position;
        while (true) {
            JsonNode page = http.getJson(commandUrl.resolve("/api/audit/events?size=100&afterPosition="
                                                                    + Math.max(0, last)), admin);
            for (JsonNode event : page.path("items")) {
                last = Math.max(last, event.path("position").asLong());
            }
            if (page.path("nextAfterPosition").isNull() || page.path("items").isEmpty()) {
                return last;
            }
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new BenchException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, List<UUID> owners) {
        writeLines(file, owners.stream().map(UUID::toString).toList());
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (java.io.IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
