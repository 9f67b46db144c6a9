package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import io.alter8.infra.local.MasterDataLookup.City;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code alter8 bench-search}: search latency on a seeded stack ({@code alter8 seed}), for five typical filter mixes,
 * uncached and cached. Uncached requests are all different (random filters, new on every run), so none can be
 * answered from Redis; cached ones repeat a few requests that were asked once before measuring.
 */
final class SearchBenchCommand {

    static final String USAGE = """
            Usage: alter8 bench-search [options]

            Measures GET /api/properties on a running, seeded stack (./alter8 run, then ./alter8 seed): p50, p90, p99
            and max for five filter mixes, uncached (every request different) and cached (a few requests repeated).

            Options:
              -n N               measured requests per mix and mode (default 1000)
              -c N               concurrent clients (default 1)
              --warmup N         unmeasured uncached requests per mix first (default 100)
              --mix NAMES        comma-separated subset of: seed-query, locality, nearby, text, family
              --query-url URL    query side (default http://localhost:8081)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("-n", "-c", "--warmup", "--mix", "--query-url",
                                                          "--key-file");
    private static final int CACHED_VARIANTS = 20;
    /** Searches per token: stays far below the per-user API rate limit. */
    private static final int REQUESTS_PER_TOKEN = 500;

    /** A filter mix: makes the query string of one search from a random source. */
    record Mix(String name, String description, Function<SplittableRandom, String> query) {
    }

    private final StackHttp http;
    private final URI queryUrl;
    private final int requests;
    private final int clients;
    private final int warmup;
    private final List<Mix> mixes;
    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();

    private SearchBenchCommand(Args args) {
        this.http = new StackHttp(args);
        this.queryUrl = StackHttp.baseUri(args.string("--query-url", "http://localhost:8081"));
        this.requests = args.integer("-n", 1_000, 1, 1_000_000);
        this.clients = args.integer("-c", 1, 1, 256);
        // The JDK keeps 5 idle connections per host unless told otherwise (read once, before the first request):
        // every client keeps its own, or C=16 would measure connecting.
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
        this.warmup = args.integer("--warmup", 100, 0, 1_000_000);
        String admin = http.token("admin");
        MasterDataLookup master = MasterDataLookup.fetch(http, queryUrl, admin);
        List<Mix> all = mixes(master, LocalDate.now(ZoneOffset.UTC));
        Set<String> wanted = new HashSet<>(Arrays.asList(args.string("--mix", String.join(",", all.stream()
                .map(Mix::name).toList())).split(",")));
        this.mixes = all.stream().filter(m -> wanted.remove(m.name())).toList();
        if (!wanted.isEmpty()) {
            throw new UsageException("unknown mix " + wanted + "; the mixes are "
                                             + all.stream().map(Mix::name).toList());
        }
        int total = mixes.size() * (2 * requests + warmup + CACHED_VARIANTS) + 1;
        for (int i = 0; i <= total / REQUESTS_PER_TOKEN; i++) {
            tokens.add(http.token("tenant"));
        }
    }

    static int run(List<String> arguments) {
        Args args = Args.parse(arguments, VALUE_FLAGS, Set.of());
        try {
            new SearchBenchCommand(args).execute();
            return 0;
        } catch (BenchException e) {
            Console.error("Search benchmark failed: {}", e.getMessage());
            return 1;
        }
    }

    /** The five mixes: the marketplace model's own search query and four other ways people look for a home. */
    static List<Mix> mixes(MasterDataLookup master, LocalDate today) {
        List<City> cities = master.cities();
        Function<SplittableRandom, City> city = r -> cities.get(r.nextInt(cities.size()));
        return List.of(
                new Mix("seed-query", "city + type + rent range + min bedrooms, by rent (the seed's query)", r -> {
                    City c = city.apply(r);
                    long min = rentFloor(c, r);
                    return "city=" + enc(c.name()) + "&propertyType=apartment&minRent=" + min + "&maxRent="
                            + (min + rentSpan(c, r)) + "&minBedrooms=" + (1 + r.nextInt(3)) + "&sort=rent";
                }),
                new Mix("locality", "city + area + furnishing + two amenities, newest first", r -> {
                    City c = city.apply(r);
                    List<String> amenities = new ArrayList<>(master.amenityCodes());
                    String first = amenities.remove(r.nextInt(amenities.size()));
                    return "city=" + enc(c.name()) + "&area=" + enc(c.areas().get(r.nextInt(c.areas().size())).name())
                            + "&furnishing=" + List.of("unfurnished", "semi_furnished", "fully_furnished")
                                                   .get(r.nextInt(3))
                            + "&amenities=" + first + "," + amenities.get(r.nextInt(amenities.size()))
                            + "&maxRent=" + maxRent(c, r);
                }),
                new Mix("nearby", "within 2–5 km of a point, nearest first, with distances", r -> {
                    City c = city.apply(r);
                    return "near=" + coordinate(c.latitude(), r) + "," + coordinate(c.longitude(), r) + "&radiusKm="
                            + (2 + r.nextInt(4)) + "&sort=distance&maxRent=" + maxRent(c, r);
                }),
                new Mix("text", "full text in a city, best rated first", r -> {
                    City c = city.apply(r);
                    return "q=" + enc(SeedListings.FEATURES.get(r.nextInt(SeedListings.FEATURES.size())))
                            + "&city=" + enc(c.name()) + "&sort=rating&maxRent=" + maxRent(c, r);
                }),
                new Mix("family", "city + family + pets + min bathrooms + available by a date, dearest first", r -> {
                    City c = city.apply(r);
                    return "city=" + enc(c.name()) + "&preferredTenantType=family&petsAllowed=true&minBathrooms=1.5"
                            + "&availableFrom=" + today.plusDays(30 + r.nextInt(60)) + "&sort=rent,desc&maxRent="
                            + maxRent(c, r);
                }));
    }

    private void execute() {
        Console.say("Alter8 search bench: {} requests per mix and mode from {} clients → {}", requests, clients,
                    queryUrl);
        long listings = http.getJson(queryUrl.resolve("/api/properties?size=1"), tokens.get(0)).path("total")
                            .asLong();
        String loadAtStart = BenchCommand.loadAverage();
        Console.say("searchable listings: {}; machine: {} CPUs, load {}", listings,
                    Runtime.getRuntime().availableProcessors(), loadAtStart);
        // Random per run: the uncached searches of this run were never asked before, not even by an earlier run.
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        Map<String, Object> results = new LinkedHashMap<>();
        for (Mix mix : mixes) {
            Set<String> asked = new HashSet<>();
            measure(unique(mix, random, warmup, asked));
            long[] cold = measure(unique(mix, random, requests, asked));
            List<String> variants = unique(mix, random, CACHED_VARIANTS, asked);
            measure(variants);
            List<String> repeated = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                repeated.add(variants.get(i % variants.size()));
            }
            long[] cached = measure(repeated);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("uncachedMs", percentiles(cold));
            figures.put("cachedMs", percentiles(cached));
            results.put(mix.name(), figures);
            Console.say("{}  uncached {}  cached {}   ({})", pad(mix.name()), line(cold), line(cached),
                        mix.description());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("at", Instant.now().toString());
        report.put("listings", listings);
        report.put("clients", clients);
        report.put("requestsPerMixAndMode", requests);
        report.put("mixes", results);
        report.put("loadAverageStart", loadAtStart);
        report.put("loadAverageEnd", BenchCommand.loadAverage());
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        Console.say("{}", StackHttp.JSON.writeValueAsString(report));
    }

    /** {@code count} query strings of the mix that were not asked before (so not cached by this run). */
    private static List<String> unique(Mix mix, SplittableRandom random, int count, Set<String> asked) {
        List<String> queries = new ArrayList<>();
        while (queries.size() < count) {
            String query = mix.query().apply(random);
            if (asked.add(query)) {
                queries.add(query);
            }
        }
        return queries;
    }

    /** Sends the searches from the clients; answers each one's latency in nanoseconds. */
    private long[] measure(List<String> queries) {
        long[] latencies = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        StackHttp.onClients(clients, () -> {
            for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                URI uri = queryUrl.resolve("/api/properties?" + queries.get(i));
                String token = tokens.get(Math.floorMod(tokenCounter.getAndIncrement() / REQUESTS_PER_TOKEN,
                                                        tokens.size()));
                long sent = System.nanoTime();
                StackHttp.Answer answer = http.measuredGet(uri, token);
                latencies[i] = System.nanoTime() - sent;
                if (answer.status() != 200) {
                    throw new BenchException("GET " + uri + " answered " + answer.status() + " "
                                                     + StackHttp.abbreviate(answer.body()));
                }
            }
            return null;
        });
        Arrays.sort(latencies);
        return latencies;
    }

    private static Map<String, Object> percentiles(long[] sorted) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50", millis(BenchCommand.percentile(sorted, 50)));
        figures.put("p90", millis(BenchCommand.percentile(sorted, 90)));
        figures.put("p99", millis(BenchCommand.percentile(sorted, 99)));
        figures.put("max", millis(sorted[sorted.length - 1]));
        return figures;
    }

    private static String line(long[] sorted) {
        return String.format(Locale.ROOT, "p50 %6.2f p90 %6.2f p99 %6.2f max %7.2f ms",
                             millis(BenchCommand.percentile(sorted, 50)), millis(BenchCommand.percentile(sorted, 90)),
                             millis(BenchCommand.percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private static String pad(String name) {
        return String.format(Locale.ROOT, "%-10s", name);
    }

    private static boolean india(City city) {
        return city.country().equals("IN");
    }

    private static long rentFloor(City city, SplittableRandom r) {
        return india(city) ? 500L * (10 + r.nextInt(60)) : 25L * (30 + r.nextInt(100));
    }

    private static long rentSpan(City city, SplittableRandom r) {
        return india(city) ? 500L * (10 + r.nextInt(30)) : 25L * (20 + r.nextInt(60));
    }

    /** A high ceiling that barely filters, varied so that each uncached request is a different search. */
    private static long maxRent(City city, SplittableRandom r) {
        return india(city) ? 150_000L + r.nextInt(100_000) : 6_000L + r.nextInt(10_000);
    }

    private static String coordinate(double centre, SplittableRandom r) {
        return String.format(Locale.ROOT, "%.5f", centre + (r.nextDouble() - 0.5) * 0.1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
