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
              --listings N       listings to import (default 100000)
              --events N         instead: import listings until the event store holds N events (e.g. 1000000,
                                 for replay figures); each listing is about 5 events of a Property aggregate
              -c N               import requests in flight (default 2)
              --batch N          listings per import request, at most 500 (default 500)
              --owners N         owner accounts the listings belong to (default one per 250 listings)
              --seed N           which listings: the same seed gives the same listings (default 8)
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --timeout S        how long to wait for the query side to catch up (default 3600)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("--listings", "--events", "-c", "--batch", "--owners", "--seed",
                                                          "--command-url", "--query-url", "--timeout", "--key-file");
    private static final String PROCESSOR = "property-listing";
    private static final String OWNER_PASSWORD = "seeded owner password";
    /** Listing n belongs to owner n / 250: the same owner however many listings a run seeds. */
    private static final int LISTINGS_PER_OWNER = 250;

    private final StackHttp http;
    private final URI commandUrl;
    private final URI queryUrl;
    private final int listings;
    /** With --events: import until the store's head position reaches this; 0 to import {@link #listings}. */
    private final long events;
    private final int clients;
    private final int batch;
    private final int owners;
    private final long seed;
    private final Duration timeout;
    private final String admin;
    /** Whether this stack has the owners a previous run registered (so its listings and their day are known). */
    private boolean rememberedStack;

    private SeedCommand(Args args) {
        this.http = new StackHttp(args);
        this.commandUrl = StackHttp.baseUri(args.string("--command-url", "http://localhost:8080"));
        this.queryUrl = StackHttp.baseUri(args.string("--query-url", "http://localhost:8081"));
        this.events = args.integer("--events", 0, 0, 100_000_000);
        // By events: as many listings as it takes (fewer than one event each is impossible).
        this.listings = events > 0 ? (int) events : args.integer("--listings", 100_000, 1, 10_000_000);
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
        Console.say("Alter8 seed: {} (seed {}) in batches of {}, {} in flight → {}",
                    events > 0 ? "listings until the store holds " + events + " events" : listings + " listings",
                    seed, batch, clients, commandUrl);
        Console.say("machine: {} CPUs, load {}", Runtime.getRuntime().availableProcessors(),
                    BenchCommand.loadAverage());
        MasterDataLookup master = MasterDataLookup.fetch(http, queryUrl, admin);
        List<UUID> ownerIds = owners();
        SeedListings generator = new SeedListings(master, seed, seedDay());

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
                for (int b = nextBatch.getAndIncrement(); b < batches && (events == 0 || maxPosition.get() < events);
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
                    failed.addAndGet(result.path("failed").asInt());
                    maxPosition.accumulateAndGet(result.path("position").asLong(-1), Math::max);
                    for (JsonNode r : result.path("results")) {
                        if (r.path("outcome").asString().equals("failed") && failures.size() < 5) {
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

        long caughtUpAt = awaitProjection(maxPosition.get());
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
        Console.say("{}", StackHttp.JSON.writeValueAsString(figures));
        if (failed.get() > 0) {
            throw new BenchException(failed.get() + " listings were refused, e.g. " + failures);
        }
    }

    /**
     * The owners of the seed's listings: registered on the first run and remembered beside the stack's data, so
     * that seeding again imports the very same listings (same owner) and changes nothing.
     */
    private List<UUID> owners() {
        Path file = Alter8Cli.dataDir().resolve("seed-owners-" + seed + ".txt");
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
        Path file = Alter8Cli.dataDir().resolve("seed-day-" + seed + ".txt");
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

    /** Polls the query side's listing processor until it has passed {@code position}; answers when (nanoTime). */
    private long awaitProjection(long position) {
        if (position < 0) {
            return System.nanoTime();
        }
        Console.say("waiting for the query side to reach position {}…", position);
        long deadline = System.nanoTime() + timeout.toNanos();
        URI processors = queryUrl.resolve("/actuator/processors");
        while (true) {
            for (JsonNode p : http.getJson(processors, admin)) {
                if (PROCESSOR.equals(p.path("name").asString())) {
                    if (p.path("error").asBoolean()) {
                        throw new BenchException("processor " + PROCESSOR + " reports an error; see the query log");
                    }
                    if (p.path("position").asLong(-1) >= position) {
                        return System.nanoTime();
                    }
                }
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
