package io.alter8.infra.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code alter8 bench}: load against a running stack. Sends register-property commands from a number of clients,
 * then measures how long the query side takes to catch up and how fast a processing group rebuilds from the event
 * store. Prints a short report and one JSON line with every figure.
 */
final class BenchCommand {

    static final String USAGE = """
            Usage: alter8 bench [options]

            Measures a running stack (start it with ./alter8 run): command throughput and latency, projection
            lag, and the rebuild speed of a processing group.

            Options:
              -n N               commands to send and measure (default 20000)
              -c N               concurrent clients (default 4)
              --warmup N         commands sent first and not measured (default 500)
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --processor NAME   processing group to watch and rebuild (default property-listing)
              --no-rebuild       skip the rebuild measurement
              --timeout S        how long to wait for the projection to catch up or rebuild (default 600)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("-n", "-c", "--warmup", "--command-url", "--query-url",
                                                          "--processor", "--timeout", "--key-file");
    private static final Set<String> SWITCHES = Set.of("--no-rebuild");
    private static final double MAX_ERROR_RATE = 0.01;
    private static final int ERROR_SAMPLES = 5;
    private static final long SEED = 8;

    private final Settings settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param ownerTokens sent with the commands (owners may register properties), a different owner for every
     *                    {@link #COMMANDS_PER_OWNER} commands, so that no one owner meets the API rate limit
     * @param adminToken  sent to the processor endpoints (admins only)
     */
    record Settings(int commands, int clients, int warmup, URI commandUrl, URI queryUrl, String processor,
                    boolean rebuild, Duration timeout, List<String> ownerTokens, String adminToken) {

        String ownerToken(int command) {
            return ownerTokens.get((command / COMMANDS_PER_OWNER) % ownerTokens.size());
        }
    }

    static final int COMMANDS_PER_OWNER = 1_000;

    /** What the query side says about one processing group ({@code GET /actuator/processors}). */
    record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                           long position) {
    }

    /** The outcome of sending a batch of commands. */
    record Load(int sent, int errors, List<String> errorSamples, long[] latencyNanos, long wallNanos,
                long lastAnswerNanos, long maxPosition) {
    }

    /** A failure that ends the benchmark with a message and no stack trace. */
    static final class BenchException extends RuntimeException {

        BenchException(String message) {
            super(message);
        }
    }

    /**
     * Owner tokens signed with the stack's own key: the benchmark acts as users without needing accounts, a
     * different owner for every {@link #COMMANDS_PER_OWNER} commands.
     */
    private static List<String> ownerTokens(StackHttp stack, int commands) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < commands / COMMANDS_PER_OWNER + 2; i++) {
            tokens.add(stack.token("owner"));
        }
        return tokens;
    }

    BenchCommand(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                              .version(HttpClient.Version.HTTP_1_1)
                              .connectTimeout(Duration.ofSeconds(5))
                              .build();
    }

    static int run(List<String> arguments) {
        Args args = Args.parse(arguments, VALUE_FLAGS, SWITCHES);
        int commands = args.integer("-n", 20_000, 1, 100_000_000);
        StackHttp stack;
        try {
            stack = new StackHttp(args);
        } catch (BenchException e) {
            Console.error("Benchmark failed: {}", e.getMessage());
            return 1;
        }
        Settings settings = new Settings(commands,
                                         args.integer("-c", 4, 1, 1024),
                                         args.integer("--warmup", 500, 0, 100_000_000),
                                         StackHttp.baseUri(args.string("--command-url", "http://localhost:8080")),
                                         StackHttp.baseUri(args.string("--query-url", "http://localhost:8081")),
                                         args.string("--processor", "property-listing"),
                                         !args.has("--no-rebuild"),
                                         Duration.ofSeconds(args.integer("--timeout", 600, 1, 86_400)),
                                         ownerTokens(stack, commands), stack.token("admin"));
        Map<String, Object> figures;
        try {
            figures = new BenchCommand(settings).execute();
        } catch (BenchException e) {
            Console.error("Benchmark failed: {}", e.getMessage());
            return 1;
        }
        double errorRate = ((Number) figures.get("errors")).doubleValue()
                / ((Number) figures.get("commands")).doubleValue();
        if (errorRate > MAX_ERROR_RATE) {
            Console.error("FAILED: {} of {} commands ({}) were not answered with 2xx, e.g. {}", figures.get("errors"),
                          figures.get("commands"), percent(errorRate), figures.get("errorSamples"));
            return 1;
        }
        return 0;
    }

    /** Runs the benchmark, prints the report and returns its figures (the JSON line's content). */
    Map<String, Object> execute() {
        String loadAtStart = loadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        Instant startedAt = Instant.now();
        checkReachable();
        ProcessorStatus before = processorStatus();

        Console.say("Alter8 bench: {} commands from {} clients (after {} warm-up) → {}", settings.commands(),
                    settings.clients(), settings.warmup(), settings.commandUrl());
        Console.say("machine: {} CPUs, load {}", cpus, loadAtStart);
        SampleProperties samples = new SampleProperties();

        long maxPosition = before.position();
        if (settings.warmup() > 0) {
            Console.say("warming up…");
            Load warmup = send(samples, 0, settings.warmup(), false);
            if (rate(warmup) > MAX_ERROR_RATE) {
                throw new BenchException(warmup.errors() + " of " + warmup.sent() + " warm-up commands failed, e.g. "
                                                 + warmup.errorSamples());
            }
            maxPosition = Math.max(maxPosition, warmup.maxPosition());
        }

        Console.say("measuring…");
        Load load = send(samples, settings.warmup(), settings.commands(), true);
        maxPosition = Math.max(maxPosition, load.maxPosition());

        Double lagSeconds = null;
        long head = maxPosition;
        if (load.maxPosition() >= 0) {
            Console.say("waiting for the query side to reach position {}…", load.maxPosition());
            ProcessorStatus caughtUp = awaitPosition(load.maxPosition(), load.lastAnswerNanos());
            lagSeconds = (System.nanoTime() - load.lastAnswerNanos()) / 1e9;
            head = Math.max(head, caughtUp.position());
        }

        Map<String, Object> rebuild = null;
        if (settings.rebuild() && head >= 0) {
            Console.say("rebuilding {} from the event store…", settings.processor());
            rebuild = rebuild(head);
        }

        String loadAtEnd = loadAverage();
        Map<String, Object> figures = figures(startedAt, cpus, loadAtStart, loadAtEnd, load, lagSeconds, head,
                                              rebuild);
        printReport(figures, load, rebuild);
        Console.say("{}", json.writeValueAsString(figures));
        return figures;
    }

    /** Sends {@code count} commands, bodies {@code offset..offset+count-1}, from the configured number of clients. */
    Load send(SampleProperties samples, int offset, int count, boolean reportProgress) {
        // Bodies are made up front so that building them is not part of the measured time.
        String[] bodies = new String[count];
        for (int i = 0; i < count; i++) {
            bodies[i] = samples.registerBody(SEED, offset + i);
        }
        URI target = settings.commandUrl().resolve("/api/properties");
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong maxPosition = new AtomicLong(-1);
        AtomicLong lastAnswer = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        if (reportProgress) {
            progress.scheduleAtFixedRate(() -> {
                int done = Math.min(next.get(), count);
                double elapsed = (System.nanoTime() - start) / 1e9;
                Console.say("  {}/{} sent, {}/s", done, count, format(done / elapsed, 0));
            }, 10, 10, TimeUnit.SECONDS);
        }
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(target)
                                                         .timeout(Duration.ofSeconds(30))
                                                         .header("Authorization",
                                                                 "Bearer " + settings.ownerToken(i))
                                                         .header("Content-Type", "application/json")
                                                         .POST(HttpRequest.BodyPublishers.ofString(bodies[i]))
                                                         .build();
                        long sentAt = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() / 100 == 2) {
                                long position = json.readTree(response.body()).path("position").asLong(-1);
                                maxPosition.accumulateAndGet(position, Math::max);
                            } else {
                                failure = response.statusCode() + " " + StackHttp.abbreviate(response.body());
                            }
                        } catch (IOException e) {
                            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        long answeredAt = System.nanoTime();
                        latencies[i] = answeredAt - sentAt;
                        lastAnswer.accumulateAndGet(answeredAt, Math::max);
                        if (failure != null) {
                            errors.incrementAndGet();
                            if (errorSamples.size() < ERROR_SAMPLES) {
                                errorSamples.add(failure);
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } catch (ExecutionException e) {
            throw new BenchException("a client failed: " + e.getCause());
        } finally {
            clients.shutdownNow();
            progress.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        return new Load(count, errors.get(), List.copyOf(errorSamples), latencies, wall, lastAnswer.get(),
                        maxPosition.get());
    }

    /** Polls the processor until it has passed {@code position}. */
    private ProcessorStatus awaitPosition(long position, long sinceNanos) {
        long deadline = sinceNanos + settings.timeout().toNanos();
        while (true) {
            ProcessorStatus status = processorStatus();
            if (status.error()) {
                throw new BenchException("processor " + status.name() + " reports an error; see the query side log");
            }
            if (status.position() >= position) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("the query side had not reached position " + position + " after "
                                                 + settings.timeout().toSeconds() + " s (it is at "
                                                 + status.position() + ")");
            }
            pause(10);
        }
    }

    /** Resets the processor and times it until it is back at {@code head} and no longer replaying. */
    private Map<String, Object> rebuild(long head) {
        URI reset = settings.queryUrl().resolve("/actuator/processors/" + settings.processor() + "/reset");
        long start = System.nanoTime();
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(reset)
                                                          .timeout(Duration.ofSeconds(60))
                                                          .header("Authorization", "Bearer " + settings.adminToken())
                                                          .POST(HttpRequest.BodyPublishers.noBody())
                                                          .build());
        if (answer.statusCode() / 100 != 2) {
            throw new BenchException("reset of " + settings.processor() + " answered " + answer.statusCode() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        long deadline = start + settings.timeout().toNanos();
        boolean sawReplay = false;
        while (true) {
            ProcessorStatus status = processorStatus();
            sawReplay |= status.replaying() || status.position() < head;
            if (status.error()) {
                throw new BenchException("processor " + status.name() + " reports an error during the rebuild; "
                                                 + "see the query side log");
            }
            if (status.running() && !status.replaying() && status.position() >= head) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("the rebuild had not finished after " + settings.timeout().toSeconds()
                                                 + " s (at position " + status.position() + " of " + head + ")");
            }
            pause(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", head);
        figures.put("seconds", round(seconds, 3));
        figures.put("eventsPerSecond", round(head / seconds, 1));
        // Without a replay seen, the rebuild was done before the first poll: the time is an upper bound.
        figures.put("replayObserved", sawReplay);
        return figures;
    }

    private void checkReachable() {
        URI readiness = settings.commandUrl().resolve("/actuator/health/readiness");
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                               HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException("the command side does not answer at " + settings.commandUrl()
                                             + ". Is the stack up (./alter8 run)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        if (answer.statusCode() != 200) {
            throw new BenchException("the command side at " + settings.commandUrl() + " is not ready: "
                                             + answer.statusCode() + " " + StackHttp.abbreviate(answer.body()));
        }
    }

    ProcessorStatus processorStatus() {
        URI uri = settings.queryUrl().resolve("/actuator/processors");
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                                                          .header("Authorization", "Bearer " + settings.adminToken())
                                                          .build());
        if (answer.statusCode() != 200) {
            throw new BenchException("GET " + uri + " answered " + answer.statusCode() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        JsonNode processors = json.readTree(answer.body());
        for (JsonNode p : processors.valueStream().toList()) {
            if (settings.processor().equals(p.path("name").asString())) {
                return new ProcessorStatus(p.path("name").asString(), p.path("running").asBoolean(),
                                           p.path("replaying").asBoolean(), p.path("error").asBoolean(),
                                           p.path("segments").size(), p.path("position").asLong(-1));
            }
        }
        String known = processors.valueStream().map(p -> p.path("name").asString())
                                 .collect(Collectors.joining(", "));
        throw new BenchException("the query side has no processor named '" + settings.processor() + "' (it has: "
                                         + (known.isEmpty() ? "none" : known) + ")");
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e.getMessage()
                                             + ". Is the query side up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private Map<String, Object> figures(Instant startedAt, int cpus, String loadAtStart, String loadAtEnd,
                                        Load load, Double lagSeconds, long head, Map<String, Object> rebuild) {
        long[] sorted = load.latencyNanos().clone();
        Arrays.sort(sorted);
        double wallSeconds = load.wallNanos() / 1e9;
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", millis(percentile(sorted, 50)));
        latency.put("p90", millis(percentile(sorted, 90)));
        latency.put("p99", millis(percentile(sorted, 99)));
        latency.put("max", millis(sorted[sorted.length - 1]));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("startedAt", startedAt.toString());
        figures.put("commands", load.sent());
        figures.put("clients", settings.clients());
        figures.put("warmup", settings.warmup());
        figures.put("errors", load.errors());
        figures.put("errorRate", round(rate(load), 4));
        figures.put("errorSamples", load.errorSamples());
        figures.put("wallSeconds", round(wallSeconds, 3));
        figures.put("commandsPerSecond", round(load.sent() / wallSeconds, 1));
        figures.put("latencyMs", latency);
        figures.put("projectionLagSeconds", lagSeconds == null ? null : round(lagSeconds, 3));
        figures.put("headPosition", head);
        figures.put("processor", settings.processor());
        figures.put("rebuild", rebuild);
        figures.put("cpus", cpus);
        figures.put("loadAverageStart", loadAtStart);
        figures.put("loadAverageEnd", loadAtEnd);
        figures.put("java", Runtime.version().toString());
        figures.put("commandUrl", settings.commandUrl().toString());
        figures.put("queryUrl", settings.queryUrl().toString());
        return figures;
    }

    @SuppressWarnings("unchecked")
    private void printReport(Map<String, Object> f, Load load, Map<String, Object> rebuild) {
        Map<String, Object> latency = (Map<String, Object>) f.get("latencyMs");
        Console.say("");
        Console.say("commands    {} in {} s = {} commands/s ({} clients), errors {} ({})", f.get("commands"),
                    f.get("wallSeconds"), f.get("commandsPerSecond"), f.get("clients"), load.errors(),
                    percent(rate(load)));
        Console.say("latency ms  p50 {}  p90 {}  p99 {}  max {}", latency.get("p50"), latency.get("p90"),
                    latency.get("p99"), latency.get("max"));
        Console.say("projection  {} s after the last answer, {} at position {}",
                    f.get("projectionLagSeconds") == null ? "n/a" : f.get("projectionLagSeconds"),
                    settings.processor(), f.get("headPosition"));
        if (rebuild != null) {
            Console.say("rebuild     {} events in {} s = {} events/s{}", rebuild.get("events"),
                        rebuild.get("seconds"), rebuild.get("eventsPerSecond"),
                        Boolean.TRUE.equals(rebuild.get("replayObserved")) ? ""
                                : " (finished before the first poll: an upper bound)");
        }
        Console.say("machine     {} CPUs, load {} at start, {} at end", f.get("cpus"), f.get("loadAverageStart"),
                    f.get("loadAverageEnd"));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" where /proc is not there (macOS). */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, Math.min(3, fields.length)));
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double rate(Load load) {
        return load.sent() == 0 ? 0 : (double) load.errors() / load.sent();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6, 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double rate) {
        return format(rate * 100, 2) + " %";
    }
}
