package io.alter8.infra.local;

import io.alter8.infra.local.StackHttp.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * {@code alter8 bench}: load against a running stack, measured against the machine's own limit in the same run.
 * First the raw one-row commit rate of the event store's PostgreSQL at the same concurrency; then register-property
 * commands from a number of clients, with the CPU each process of the stack spent and the projection lag of every
 * command; then how fast a processing group rebuilds. Prints a short report and appends one JSON line with every
 * figure and the commit to the repository's {@code bench/results.jsonl}.
 */
final class BenchCommand {

    static final String USAGE = """
            Usage: alter8 bench [options]

            Measures a running stack (start it with ./alter8 run): the raw commit rate of its PostgreSQL, command
            throughput and latency as a share of it, CPU per process, projection lag per command, and the rebuild
            speed of a processing group.

            Options:
              -n N               commands to send and measure (default 20000)
              -c N               concurrent clients (default 4; 32 with --rate)
              --rate R           open loop: send R commands per second on a fixed schedule, whatever the answers'
                                 latency, instead of each client sending its next command when answered
              --duration D       with --rate: for how long (e.g. 60s, 2m; default 60s); -n is then R × D
              --warmup N         commands sent first and not measured (default 5000). A freshly started service
                                 compiles its hot code for its first tens of thousands of commands; on two busy
                                 cores the compilers fall behind and catch up when the load pauses. The report
                                 shows the JIT compilers' share of each service's CPU and says when it is above
                                 10 %: the figures are then partly the compiling, so run again
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --db-url URL       the event store, for the raw commit rate (default $ALTER8_DB_URL, else
                                 jdbc:postgresql://127.0.0.1:5433/alter8); user and password from
                                 ALTER8_DB_USER / ALTER8_DB_PASSWORD (default postgres / postgres)
              --redis-port N     the stack's Redis, for its CPU (default 6380)
              --raw-seconds S    how long to measure the raw commit rate (default 10; 0 skips it)
              --bare-requests N  after the warm-up, N requests of the command side's liveness probe from the same
                                 clients: the web layer's own cost per request, beside a command's (default 5000;
                                 0 skips it)
              --lag-poll-ms N    how often the processor's position is looked at for the lag (default 5): by the
                                 query side, which pushes it when it moves; with --lag-sampler poll, by the client
              --lag-sampler S    stream (default): the query side's position stream, one request for the run;
                                 poll: a request for the processor's status every --lag-poll-ms (as query sides
                                 without the stream are measured, which the bench falls back to by itself)
              --processor NAME   processing group to watch and rebuild (default property-listing)
              --no-rebuild       skip the rebuild measurement
              --replay           instead: only the raw commit rate and the rebuild of --processor from the whole
                                 event store (e.g. after ./alter8 seed --events 1000000), with CPU and load
              --blue-green       with --replay: rebuild blue/green (a copy filled while the old model answers,
                                 indexed, then switched in, as ./alter8 processors rebuild does), timed until
                                 switched, instead of a reset in place
              --stream-length L  instead: commands on one aggregate whose stream has L events, for each L of a
                                 comma-separated list (e.g. 10,10000); -n commands are measured per length
              --results FILE     where the JSON line is appended (default bench/results.jsonl; "-" for none)
              --label TEXT       a note kept with the JSON line (e.g. which jars the stack runs)
              --trace FILE       also write one CSV line per measured command: when it was answered (UTC),
                                 its latency and its projection lag in ms, and its position; to line a slow
                                 moment up with the stack's logs
              --timeout S        how long to wait for the projection to catch up or rebuild (default 600)
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("-n", "-c", "--warmup", "--command-url", "--query-url",
                                                          "--processor", "--timeout", "--key-file", "--db-url",
                                                          "--redis-port", "--raw-seconds", "--bare-requests",
                                                          "--lag-poll-ms",
                                                          "--stream-length", "--results", "--label", "--rate",
                                                          "--duration", "--lag-sampler", "--trace");
    private static final Set<String> SWITCHES = Set.of("--no-rebuild", "--replay", "--blue-green");
    private static final double MAX_ERROR_RATE = 0.01;
    private static final int ERROR_SAMPLES = 5;
    private static final long SEED = 8;
    /** How often a rebuild is polled: its time is overstated by at most this, on rebuilds of tens of seconds. */
    private static final long REBUILD_POLL_MILLIS = 200;

    private final Settings settings;
    private final StackHttp stack;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param ownerTokens sent with the commands (owners may register properties), a different owner for every
     *                    {@link #COMMANDS_PER_USER} commands, so that no one owner meets the API rate limit
     * @param adminToken  sent to the processor endpoints (admins only)
     * @param streamLengths empty for the throughput run; else the stream lengths to measure commands at
     * @param rate          commands per second sent on a fixed schedule (open loop); 0 for closed loop, each
     *                      client sending its next command when the last is answered
     * @param lagPolled     the lag sampler polls the processor's status instead of reading its position stream
     */
    record Settings(int commands, int clients, int warmup, URI commandUrl, URI queryUrl, String processor,
                    boolean rebuild, Duration timeout, List<String> ownerTokens, String adminToken,
                    Database database, int redisPort, Duration rawDuration, int bareRequests, int lagPollMillis,
                    List<Integer> streamLengths, Path results, String label, int rate, boolean replayOnly,
                    boolean lagPolled, boolean blueGreen, Path trace) {

        String ownerToken(int command) {
            return ownerTokens.get((command / COMMANDS_PER_USER) % ownerTokens.size());
        }
    }

    /** The event store's database, for the raw commit rate and to find PostgreSQL's processes by port. */
    record Database(String url, String user, String password) {

        /** A new connection to the stack's PostgreSQL; the one way the bench reaches it. */
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        int port() {
            // jdbc:postgresql://host:port/db
            URI uri = URI.create(url.substring("jdbc:".length()));
            return uri.getPort() < 0 ? 5432 : uri.getPort();
        }
    }

    static final int COMMANDS_PER_USER = 1_000;

    /** What the query side says about one processing group ({@code GET /actuator/processors}). */
    record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                           long position) {
    }

    /**
     * The outcome of sending a batch of commands: per command when it was answered (nanoTime, 0 if it failed) and the
     * event store position it named (-1 if none).
     */
    record Load(int sent, int errors, List<String> errorSamples, long[] latencyNanos, long wallNanos,
                long lastAnswerNanos, long maxPosition, long[] answeredAt, long[] positions) {
    }

    /** One process of the stack whose CPU time is measured. */
    record Measured(String name, long pid, boolean withChildren) {
    }

    /** A failure that ends the benchmark with a message and no stack trace. */
    static final class BenchException extends RuntimeException {

        BenchException(String message) {
            super(message);
        }
    }

    /** Tokens of one role signed with the stack's own key, a different user for every {@link #COMMANDS_PER_USER}. */
    private static List<String> tokens(StackHttp stack, String role, int commands) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < commands / COMMANDS_PER_USER + 2; i++) {
            tokens.add(stack.token(role));
        }
        return tokens;
    }

    BenchCommand(Settings settings, StackHttp stack) {
        this.settings = settings;
        this.stack = stack;
        this.http = HttpClient.newBuilder()
                              .version(HttpClient.Version.HTTP_1_1)
                              .connectTimeout(Duration.ofSeconds(5))
                              .build();
    }

    static int run(List<String> arguments) {
        Args args = Args.parse(arguments, VALUE_FLAGS, SWITCHES);
        int rate = args.integer("--rate", 0, 0, 100_000);
        int commands = rate > 0 ? Math.toIntExact(rate * seconds(args.string("--duration", "60s")))
                : args.integer("-n", 20_000, 1, 100_000_000);
        List<Integer> lengths = streamLengths(args.string("--stream-length", ""));
        String sampler = args.string("--lag-sampler", "stream");
        if (!sampler.equals("stream") && !sampler.equals("poll")) {
            throw new UsageException("--lag-sampler is stream or poll, not '" + sampler + "'");
        }
        int longest = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        StackHttp stack;
        try {
            stack = new StackHttp(args);
        } catch (BenchException e) {
            Console.error("Benchmark failed: {}", e.getMessage());
            return 1;
        }
        String results = args.string("--results", Alter8Cli.home().resolve("bench/results.jsonl").toString());
        Settings settings = new Settings(commands,
                                         args.integer("-c", rate > 0 ? 32 : 4, 1, 1024),
                                         args.integer("--warmup", 5_000, 0, 100_000_000),
                                         StackHttp.baseUri(args.string("--command-url", "http://localhost:8080")),
                                         StackHttp.baseUri(args.string("--query-url", "http://localhost:8081")),
                                         args.string("--processor", "property-listing"),
                                         !args.has("--no-rebuild"),
                                         Duration.ofSeconds(args.integer("--timeout", 600, 1, 86_400)),
                                         tokens(stack, "owner", Math.max(commands, longest + commands)),
                                         stack.token("admin"),
                                         database(args),
                                         args.integer("--redis-port", LocalStack.Options.DEFAULT_REDIS_PORT, 1, 65_535),
                                         Duration.ofSeconds(args.integer("--raw-seconds", 10, 0, 3_600)),
                                         args.integer("--bare-requests", 5_000, 0, 10_000_000),
                                         args.integer("--lag-poll-ms", 5, 1, 1_000),
                                         lengths,
                                         results.equals("-") ? null : Path.of(results),
                                         args.string("--label", null),
                                         rate,
                                         args.has("--replay"),
                                         sampler.equals("poll"),
                                         args.has("--blue-green"),
                                         args.path("--trace", null));
        Map<String, Object> figures;
        try {
            figures = new BenchCommand(settings, stack).execute();
        } catch (BenchException e) {
            Console.error("Benchmark failed: {}", e.getMessage());
            return 1;
        }
        if (settings.replayOnly()) {
            return 0;
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

    static List<Integer> streamLengths(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        try {
            List<Integer> lengths = Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
            if (lengths.stream().anyMatch(l -> l < 1 || l > 1_000_000)) {
                throw new NumberFormatException();
            }
            return lengths;
        } catch (NumberFormatException e) {
            throw new UsageException("--stream-length takes lengths from 1 to 1000000, comma-separated, not '"
                                             + list + "'");
        }
    }

    /** A duration in whole seconds, written {@code 90}, {@code 90s} or {@code 2m}. */
    static long seconds(String duration) {
        String d = duration.strip();
        long unit = d.endsWith("m") ? 60 : 1;
        String number = d.endsWith("m") || d.endsWith("s") ? d.substring(0, d.length() - 1) : d;
        try {
            long seconds = Long.parseLong(number) * unit;
            if (seconds < 1 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UsageException("--duration takes 1s to 1440m, e.g. 60s or 2m, not '" + duration + "'");
        }
    }

    private static Database database(Args args) {
        String url = args.string("--db-url", System.getenv().getOrDefault(
                "ALTER8_DB_URL", "jdbc:postgresql://127.0.0.1:" + LocalStack.Options.DEFAULT_POSTGRES_PORT + "/"
                        + io.alter8.infra.stack.EmbeddedStack.DATABASE));
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new UsageException("--db-url must be a jdbc:postgresql:// URL, not " + url);
        }
        return new Database(url, System.getenv().getOrDefault("ALTER8_DB_USER", "postgres"),
                            System.getenv().getOrDefault("ALTER8_DB_PASSWORD", "postgres"));
    }

    /** Runs the benchmark, prints the report, appends the JSON line and returns its figures. */
    Map<String, Object> execute() {
        String loadAtStart = loadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        Instant startedAt = Instant.now();
        checkReachable();
        if (!settings.replayOnly()) {
            subscribeOwners();
        }
        Map<String, Object> figures = settings.replayOnly() ? replay(startedAt, cpus, loadAtStart)
                : settings.streamLengths().isEmpty() ? throughput(startedAt, cpus, loadAtStart)
                : streams(startedAt, cpus, loadAtStart);
        if (settings.label() != null) {
            figures.put("label", settings.label());
        }
        if (settings.results() != null) {
            Path repository = Alter8Cli.home();
            new BenchHistory(settings.results(), json).append(BenchHistory.commit(repository),
                                                              BenchHistory.dirty(repository), figures);
            Console.say("appended to {}", settings.results());
        }
        return figures;
    }

    private Map<String, Object> throughput(Instant startedAt, int cpus, String loadAtStart) {
        ProcessorStatus before = processorStatus();
        Console.say("Alter8 bench: {} commands from {} clients{} (after {} warm-up) → {}", settings.commands(),
                    settings.clients(), settings.rate() > 0 ? ", " + settings.rate() + " per second (open loop)" : "",
                    settings.warmup(), settings.commandUrl());
        Console.say("machine: {} CPUs, load {}", cpus, loadAtStart);
        double pace = cpuPace();
        SampleProperties samples = new SampleProperties();

        Double rawCommits = null;
        if (!settings.rawDuration().isZero()) {
            Console.say("raw one-row commits on {} from {} connections for {} s…", settings.database().url(),
                        settings.clients(), settings.rawDuration().toSeconds());
            rawCommits = new RawCommits(settings.database()).measure(settings.clients(), settings.rawDuration());
            Console.say("  {} commits/s", format(rawCommits, 0));
        }

        long maxPosition = before.position();
        if (settings.warmup() > 0) {
            Console.say("warming up…");
            Load warmup = send(settings.warmup(), i -> registerRequest(samples, i), false, 0);
            if (rate(warmup) > MAX_ERROR_RATE) {
                throw new BenchException(warmup.errors() + " of " + warmup.sent() + " warm-up commands failed, e.g. "
                                                 + warmup.errorSamples());
            }
            maxPosition = Math.max(maxPosition, warmup.maxPosition());
        }

        List<Measured> processes = stackProcesses();
        ProcessCpu cpu = ProcessCpu.onThisMachine().orElse(null);
        Map<String, Object> bare = settings.bareRequests() > 0 ? bareRequests(processes, cpu) : null;
        Console.say("measuring…");
        ProjectionLag lag = new ProjectionLag();
        Load load;
        Double lagSeconds = null;
        long head = maxPosition;
        ProjectionLag.Feed feed = lagFeed();
        String samplerKind = feed instanceof PositionStream ? "stream" : "poll";
        Optional<AutovacuumRuns.Counts> autovacuumBefore = AutovacuumRuns.read(settings.database());
        Map<String, Double> cpuBefore = cpuSeconds(cpu, processes);
        Map<String, Double> samplerBefore = threadSeconds(cpu, processes, SAMPLER_THREADS);
        Map<String, Double> jitBefore = threadSeconds(cpu, processes, JIT_THREADS);
        long cpuFrom = System.nanoTime();
        double cpuWallSeconds;
        Map<String, Double> cpuAfter;
        Map<String, Double> samplerAfter;
        Map<String, Double> jitAfter;
        Optional<AutovacuumRuns.Counts> autovacuumAfter;
        try (ProjectionLag.Sampler sampler = lag.start(feed)) {
            load = send(settings.commands(), i -> registerRequest(samples, settings.warmup() + i), true,
                        settings.rate());
            maxPosition = Math.max(maxPosition, load.maxPosition());
            if (load.maxPosition() >= 0) {
                Console.say("waiting for the query side to reach position {}…", load.maxPosition());
                boolean reached = sampler.awaitReached(load.maxPosition(),
                                                       load.lastAnswerNanos() + settings.timeout().toNanos());
                if (!reached) {
                    throw new BenchException("the query side had not reached position " + load.maxPosition()
                                                     + " after " + settings.timeout().toSeconds() + " s");
                }
                lagSeconds = (System.nanoTime() - load.lastAnswerNanos()) / 1e9;
                head = Math.max(head, load.maxPosition());
            }
            // Until the read model has caught up, and not while the sampler closes: the CPU a command costs includes
            // projecting its events, and nothing after.
            cpuWallSeconds = (System.nanoTime() - cpuFrom) / 1e9;
            cpuAfter = cpuSeconds(cpu, processes);
            samplerAfter = threadSeconds(cpu, processes, SAMPLER_THREADS);
            jitAfter = threadSeconds(cpu, processes, JIT_THREADS);
            autovacuumAfter = AutovacuumRuns.read(settings.database());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        String loadAtEndOfCommands = loadAverage();

        Map<String, Object> rebuild = null;
        if (settings.rebuild() && head >= 0) {
            Console.say("rebuilding {} from the event store…", settings.processor());
            rebuild = rebuild(head);
        }

        String loadAtEnd = loadAverage();
        Map<String, Object> figures = figures(startedAt, cpus, loadAtStart, loadAtEnd, load, lagSeconds, head,
                                              rebuild);
        figures.put("loadAverageAfterCommands", loadAtEndOfCommands);
        figures.put("cpuPaceMBps", round(pace, 0));
        figures.put("rawCommitsPerSecond", rawCommits == null ? null : round(rawCommits, 1));
        figures.put("ratioToRawCommits", rawCommits == null ? null
                : round(load.sent() / (load.wallNanos() / 1e9) / rawCommits, 4));
        long[] lags = lag.lags(load.answeredAt(), load.positions());
        figures.put("projectionLagMs", lagFigures(lags));
        if (settings.trace() != null) {
            writeTrace(settings.trace(), traceLines(load, lags, Instant.now(), System.nanoTime()));
        }
        figures.put("lagSamples", lag.samples());
        figures.put("lagPollMs", settings.lagPollMillis());
        figures.put("lagSampler", samplerKind);
        Map<String, Object> cpuFigures = cpuFigures(cpuBefore, cpuAfter, cpuWallSeconds, load.sent());
        figures.put("cpu", cpuFigures);
        figures.put("bareRequests", bare);
        figures.put("cpuBudget", cpuBudget(cpus, rawCommits, cpuFigures));
        figures.put("lagSamplerCpu", threadFigures(samplerBefore, samplerAfter, cpuBefore, cpuAfter));
        Map<String, Object> jit = threadFigures(jitBefore, jitAfter, cpuBefore, cpuAfter);
        figures.put("jitCpu", jit);
        figures.put("stillCompiling", stillCompiling(jit));
        figures.put("autovacuumDuringCommands", autovacuumBefore.isPresent() && autovacuumAfter.isPresent()
                ? AutovacuumRuns.between(autovacuumBefore.get(), autovacuumAfter.get()) : null);
        printReport(figures, load, rebuild);
        Console.say("{}", json.writeValueAsString(figures));
        return figures;
    }

    /**
     * The rebuild of one processing group from the whole store, beside the raw commit rate of the same run, with the
     * CPU each process spent on it. The head is the furthest position any processor has read: run it on a stack at
     * rest, where some read model is up to date.
     */
    private Map<String, Object> replay(Instant startedAt, int cpus, String loadAtStart) {
        Console.say("Alter8 bench: rebuild of {} → {}", settings.processor(), settings.queryUrl());
        Console.say("machine: {} CPUs, load {}", cpus, loadAtStart);
        double pace = cpuPace();
        Double rawCommits = null;
        if (!settings.rawDuration().isZero()) {
            rawCommits = new RawCommits(settings.database()).measure(settings.clients(), settings.rawDuration());
            Console.say("raw commits {} one-row commits/s from {} connections", format(rawCommits, 0),
                        settings.clients());
        }
        processorStatus();
        long head = headPosition();
        List<Measured> processes = stackProcesses();
        ProcessCpu cpu = ProcessCpu.onThisMachine().orElse(null);
        Map<String, Double> cpuBefore = cpuSeconds(cpu, processes);
        long from = System.nanoTime();
        Console.say("rebuilding {} from the event store ({} events){}…", settings.processor(), head,
                    settings.blueGreen() ? ", blue/green" : "");
        Map<String, Object> rebuild = settings.blueGreen() ? blueGreenRebuild() : rebuild(head);
        Map<String, Object> cpuUsed = cpuFigures(cpuBefore, cpuSeconds(cpu, processes),
                                                 (System.nanoTime() - from) / 1e9, (int) Math.max(1, head),
                                                 "msPerEvent");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", "replay");
        figures.put("startedAt", startedAt.toString());
        figures.put("processor", settings.processor());
        figures.put("blueGreen", settings.blueGreen());
        figures.put("rebuild", rebuild);
        figures.put("cpuPaceMBps", round(pace, 0));
        figures.put("rawCommitsPerSecond", rawCommits == null ? null : round(rawCommits, 1));
        figures.put("rawClients", settings.clients());
        figures.put("cpu", cpuUsed);
        machine(figures, cpus, loadAtStart);
        figures.put("queryUrl", settings.queryUrl().toString());
        Console.say("rebuild     {} events in {} s = {} events/s", rebuild.get("events"), rebuild.get("seconds"),
                    rebuild.get("eventsPerSecond"));
        Console.say("machine     {} CPUs, load {} at start, {} at end", cpus, loadAtStart, figures.get("loadAverageEnd"));
        Console.say("{}", json.writeValueAsString(figures));
        return figures;
    }

    /** The machine the run shared: its CPUs, the load average at the start and now, and the JVM. */
    private static void machine(Map<String, Object> figures, int cpus, String loadAtStart) {
        figures.put("cpus", cpus);
        figures.put("loadAverageStart", loadAtStart);
        figures.put("loadAverageEnd", loadAverage());
        figures.put("java", Runtime.version().toString());
    }

    /** The furthest position any processor of the query side has read. */
    private long headPosition() {
        URI uri = settings.queryUrl().resolve("/actuator/processors");
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                                                          .header("Authorization", "Bearer " + settings.adminToken())
                                                          .build());
        return json.readTree(answer.body()).valueStream().mapToLong(p -> p.path("position").asLong(-1)).max()
                   .orElse(-1);
    }

    /**
     * For each stream length: one property whose stream is grown to that many events by rent changes (not measured),
     * then {@code -n} more rent changes on it, measured. Loading the aggregate is part of every command, so the
     * figures show whether that load grows with the stream.
     */
    private Map<String, Object> streams(Instant startedAt, int cpus, String loadAtStart) {
        Console.say("Alter8 bench: commands on one aggregate with {} events in its stream, {} measured each, "
                            + "{} clients → {}", settings.streamLengths(), settings.commands(), settings.clients(),
                    settings.commandUrl());
        Console.say("machine: {} CPUs, load {}", cpus, loadAtStart);
        double pace = cpuPace();
        SampleProperties samples = new SampleProperties();
        List<String> admins = tokens(stack, "admin", settings.streamLengths().stream().mapToInt(l -> l).sum()
                + settings.commands() * settings.streamLengths().size() + settings.warmup());
        AtomicInteger adminCalls = new AtomicInteger();
        IntFunction<String> admin = i -> admins.get((adminCalls.getAndIncrement() / COMMANDS_PER_USER)
                                                            % admins.size());
        if (settings.warmup() > 0) {
            // The JIT compiles the load path on the first stream otherwise, and the first length measured looks slow.
            Console.say("warming up…");
            JsonNode scratch = registerForStream(samples, -1);
            Load warmup = send(settings.warmup(), rentChanges(scratch.path("id").asString(), streamBody(samples, -1),
                                                              admin), false, 0);
            if (rate(warmup) > MAX_ERROR_RATE) {
                throw new BenchException(warmup.errors() + " of " + warmup.sent() + " warm-up commands failed, e.g. "
                                                 + warmup.errorSamples());
            }
        }
        List<Map<String, Object>> perLength = new ArrayList<>();
        int errors = 0;
        int commands = 0;
        List<String> errorSamples = new ArrayList<>();
        for (int s = 0; s < settings.streamLengths().size(); s++) {
            int length = settings.streamLengths().get(s);
            JsonNode registered = registerForStream(samples, s);
            String id = registered.path("id").asString();
            long version = registered.path("version").asLong();
            IntFunction<Request> change = rentChanges(id, streamBody(samples, s), admin);
            // Version n means n + 1 events (it counts from 0); each rent change that alters the rent adds one.
            int grow = (int) Math.max(0, length - (version + 1));
            if (grow > 0) {
                Console.say("growing the stream of {} to {} events…", id, length);
                Load growing = send(grow, change, true, 0);
                if (growing.errors() > 0) {
                    throw new BenchException(growing.errors() + " of " + grow + " commands growing the stream "
                                                     + "failed, e.g. " + growing.errorSamples());
                }
            }
            Console.say("measuring {} commands on a stream of {} events…", settings.commands(), length);
            // Alternating from where growing ended, so each change alters the rent and appends an event.
            Load load = send(settings.commands(), i -> change.apply(grow + i), false, 0);
            long[] sorted = load.latencyNanos().clone();
            Arrays.sort(sorted);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("streamLength", length);
            figures.put("commands", load.sent());
            figures.put("errors", load.errors());
            figures.put("commandsPerSecond", round(load.sent() / (load.wallNanos() / 1e9), 1));
            figures.put("latencyMs", latencyFigures(sorted));
            perLength.add(figures);
            errors += load.errors();
            commands += load.sent();
            errorSamples.addAll(load.errorSamples());
            Console.say("  stream {}: {} commands/s, latency ms p50 {} p99 {}", length,
                        figures.get("commandsPerSecond"), latencyFigures(sorted).get("p50"),
                        latencyFigures(sorted).get("p99"));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", "stream-length");
        figures.put("startedAt", startedAt.toString());
        figures.put("commands", commands);
        figures.put("clients", settings.clients());
        figures.put("errors", errors);
        figures.put("errorSamples", errorSamples.subList(0, Math.min(ERROR_SAMPLES, errorSamples.size())));
        figures.put("streams", perLength);
        figures.put("cpuPaceMBps", round(pace, 0));
        machine(figures, cpus, loadAtStart);
        figures.put("commandUrl", settings.commandUrl().toString());
        Console.say("machine     {} CPUs, load {} at start, {} at end", cpus, loadAtStart, figures.get("loadAverageEnd"));
        Console.say("{}", json.writeValueAsString(figures));
        return figures;
    }

    /** Registers the property of stream {@code n} (-1: the warm-up's), as the same owner every time. */
    private JsonNode registerForStream(SampleProperties samples, int n) {
        return answerJson(stack.measured("POST", settings.commandUrl().resolve("/api/properties"),
                                         settings.ownerToken(0), streamBody(samples, n)));
    }

    /** Bodies apart from the throughput run's, which counts up from 0. */
    private static String streamBody(SampleProperties samples, int n) {
        return samples.registerBody(SEED, 1_000_000 + n);
    }

    /** Rent changes of property {@code id}, alternating between two rents so that each one appends an event. */
    private IntFunction<Request> rentChanges(String id, String registerBody, IntFunction<String> admin) {
        JsonNode rent = json.readTree(registerBody).path("terms").path("monthlyRent");
        java.math.BigDecimal amount = new java.math.BigDecimal(rent.path("amount").asString());
        String currency = rent.path("currency").asString();
        URI target = settings.commandUrl().resolve("/api/properties/" + id + "/monthly-rent");
        return i -> new Request("PUT", target, admin.apply(i), json.writeValueAsString(
                Map.of("amount", amount.add(java.math.BigDecimal.valueOf(1 + i % 2)), "currency", currency)));
    }

    /**
     * Puts the bench's owners on a plan without property or unit limits, defined by the admin: the free tier admits
     * a handful of properties per owner, and each owner here registers up to {@link #COMMANDS_PER_USER}. Subscribing
     * costs two requests per owner before anything is measured.
     */
    private void subscribeOwners() {
        UUID plan = UUID.randomUUID();
        Map<String, Object> unlimited = Map.of("amount", "1.00", "currency", "INR");
        created(stack.post(settings.commandUrl().resolve("/api/plans"), settings.adminToken(), json.writeValueAsString(
                Map.of("id", plan, "name", "Bench " + plan, "pricePerUnit", unlimited, "minimumPrice", unlimited,
                       "maximumUnits", 1_000_000,
                       "features", List.of(Map.of("feature", "properties"), Map.of("feature", "units"))))));
        String subscription = json.writeValueAsString(Map.of("planId", plan, "unitCount", 1));
        for (String owner : settings.ownerTokens()) {
            created(stack.post(settings.commandUrl().resolve("/api/subscriptions"), owner, subscription));
        }
    }

    private static void created(HttpResponse<String> answer) {
        if (answer.statusCode() / 100 != 2) {
            throw new BenchException("subscribing the bench's owners failed: " + answer.statusCode() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
    }

    private JsonNode answerJson(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new BenchException("the command side answered " + answer.status() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        return json.readTree(answer.body());
    }

    /** One command to send. */
    record Request(String method, URI uri, String token, String body) {
    }

    private Request registerRequest(SampleProperties samples, int n) {
        return new Request("POST", settings.commandUrl().resolve("/api/properties"), settings.ownerToken(n),
                           samples.registerBody(SEED, n));
    }

    /** The stack's processes, found by the ports they listen on; those not found (other machines) are left out. */
    private List<Measured> stackProcesses() {
        List<Measured> processes = new ArrayList<>();
        ProcessCpu cpu = ProcessCpu.onThisMachine().orElse(null);
        if (cpu == null) {
            Console.say("no /proc here: no CPU figures");
            return processes;
        }
        addListener(cpu, processes, "commandSide", settings.commandUrl().getPort(), false);
        addListener(cpu, processes, "querySide", settings.queryUrl().getPort(), false);
        addListener(cpu, processes, "postgres", settings.database().port(), true);
        addListener(cpu, processes, "redis", settings.redisPort(), false);
        processes.add(new Measured("client", ProcessHandle.current().pid(), false));
        return processes;
    }

    private static void addListener(ProcessCpu cpu, List<Measured> processes, String name, int port,
                                    boolean withChildren) {
        OptionalLong pid = cpu.listener(port);
        if (pid.isPresent()) {
            processes.add(new Measured(name, pid.getAsLong(), withChildren));
        } else {
            Console.say("  no process of this user listens on port {} ({}): its CPU is not measured", port, name);
        }
    }

    /** The query side's thread that looks at the positions for its streams. */
    static final String QUERY_SIDE_SAMPLER_THREAD = "position-stream";

    /**
     * The lag sampler's own threads: the query side's thread that serves position streams, and the client's sampling
     * thread. A polling sampler's requests run on the query side's request threads among everything else: no figure
     * for it there.
     */
    static final Map<String, Set<String>> SAMPLER_THREADS = Map.of("querySide", Set.of(QUERY_SIDE_SAMPLER_THREAD),
                                                                   "client", Set.of(ProjectionLag.Sampler.THREAD));

    /**
     * HotSpot's JIT compiler threads (Linux keeps 15 characters of "C2 CompilerThread0"): while they work, the services
     * are still warming up, and what a command costs is partly the compiling of its code.
     */
    private static final Set<String> HOTSPOT_COMPILERS = Set.of("C1 CompilerThre", "C2 CompilerThre");
    static final Map<String, Set<String>> JIT_THREADS = Map.of("commandSide", HOTSPOT_COMPILERS,
                                                               "querySide", HOTSPOT_COMPILERS);
    /** Above this share of a service's CPU, its JIT compilers say it is not warm yet. */
    static final double WARM_JIT_SHARE = 0.10;

    /** CPU seconds so far of the named threads of each process measured ({@code threads} by the process's name). */
    private static Map<String, Double> threadSeconds(ProcessCpu cpu, List<Measured> processes,
                                                     Map<String, Set<String>> threads) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (cpu != null) {
            for (Measured process : processes) {
                Set<String> names = threads.get(process.name());
                if (names != null) {
                    cpu.threadSeconds(process.pid(), names).ifPresent(s -> seconds.put(process.name(), s));
                }
            }
        }
        return seconds;
    }

    /**
     * The services whose JIT compilers took more than {@link #WARM_JIT_SHARE} of their CPU in the run: their figures
     * are partly the compiling of their code, not yet what a command costs once they are warm.
     */
    static List<String> stillCompiling(Map<String, Object> jit) {
        List<String> compiling = new ArrayList<>();
        jit.forEach((name, value) -> {
            Object share = ((Map<?, ?>) value).get("share");
            if (share instanceof Number n && n.doubleValue() > WARM_JIT_SHARE) {
                compiling.add(name);
            }
        });
        return compiling;
    }

    private static void sayThreads(String what, Map<String, Object> threads) {
        threads.forEach((name, value) -> {
            Map<?, ?> process = (Map<?, ?>) value;
            Console.say("  {} in {}: {} s{}", what, name, process.get("seconds"), process.get("share") == null
                    ? "" : " (" + percent(((Number) process.get("share")).doubleValue()) + " of its CPU)");
        });
    }

    /**
     * Some threads' CPU over the run, per process, and their share of that process's CPU: e.g. the part of the query
     * side's figures the measuring itself cost, or the part of a service's that went to compiling.
     */
    static Map<String, Object> threadFigures(Map<String, Double> before, Map<String, Double> after,
                                             Map<String, Double> processBefore, Map<String, Double> processAfter) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Map.Entry<String, Double> end : after.entrySet()) {
            String name = end.getKey();
            // A thread started during the run (the query side's, by the first stream) used nothing before it.
            double used = end.getValue() - before.getOrDefault(name, 0.0);
            Double processStart = processBefore.get(name);
            Double processEnd = processAfter.get(name);
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("seconds", round(used, 3));
            if (processStart != null && processEnd != null && processEnd > processStart) {
                process.put("share", round(used / (processEnd - processStart), 4));
            }
            figures.put(name, process);
        }
        return figures;
    }

    private static Map<String, Double> cpuSeconds(ProcessCpu cpu, List<Measured> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (cpu != null) {
            for (Measured process : processes) {
                try {
                    seconds.put(process.name(), cpu.seconds(process.pid(), process.withChildren()));
                } catch (RuntimeException e) {
                    // Ended during the run: no figure rather than a wrong one.
                }
            }
        }
        return seconds;
    }

    /** Per process: CPU seconds over the run, cores used on average, and CPU ms per command. */
    static Map<String, Object> cpuFigures(Map<String, Double> before, Map<String, Double> after, double wallSeconds,
                                          int commands) {
        return cpuFigures(before, after, wallSeconds, commands, "msPerCommand");
    }

    /** As {@link #cpuFigures(Map, Map, double, int)}, per {@code count} of what {@code perName} names. */
    static Map<String, Object> cpuFigures(Map<String, Double> before, Map<String, Double> after, double wallSeconds,
                                          int count, String perName) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> end : after.entrySet()) {
            Double start = before.get(end.getKey());
            if (start == null) {
                continue;
            }
            double used = end.getValue() - start;
            total += used;
            figures.put(end.getKey(), Map.of("seconds", round(used, 2), "cores", round(used / wallSeconds, 3),
                                             perName, round(used * 1000 / count, 3)));
        }
        figures.put("wallSeconds", round(wallSeconds, 3));
        if (total > 0 && figures.get("client") instanceof Map<?, ?> client) {
            figures.put("clientShare", round(((Number) client.get("seconds")).doubleValue() / total, 3));
        }
        return figures;
    }

    /**
     * The web layer's own cost, measured as the commands are: {@link Settings#bareRequests} requests of the command
     * side's liveness probe from the same clients (Tomcat, the filter chains, Spring MVC and a small JSON answer; no
     * token, no database), with the CPU the command side and the client spent per request. What a command costs
     * beyond it is the command's own work.
     */
    private Map<String, Object> bareRequests(List<Measured> processes, ProcessCpu cpu) {
        Console.say("bare requests: {} of the command side's liveness probe…", settings.bareRequests());
        Request probe = new Request("GET", settings.commandUrl().resolve(LIVENESS), null, null);
        List<Measured> measured = processes.stream()
                                           .filter(p -> p.name().equals("commandSide") || p.name().equals("client"))
                                           .toList();
        Map<String, Double> before = cpuSeconds(cpu, measured);
        Load load = send(settings.bareRequests(), i -> probe, false, 0);
        Map<String, Double> after = cpuSeconds(cpu, measured);
        if (load.errors() > 0) {
            throw new BenchException(load.errors() + " of " + load.sent() + " liveness probes failed, e.g. "
                                             + load.errorSamples());
        }
        long[] latencies = load.latencyNanos().clone();
        Arrays.sort(latencies);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", load.sent());
        figures.put("perSecond", round(load.sent() / (load.wallNanos() / 1e9), 1));
        figures.put("latencyMs", latencyFigures(latencies));
        figures.put("cpu", cpuFigures(before, after, load.wallNanos() / 1e9, load.sent(), "msPerRequest"));
        return figures;
    }

    /** The command side's liveness probe: answered by the web layer alone. */
    static final String LIVENESS = "/actuator/health/liveness";

    /**
     * The machine's limit as CPU per command: at the raw commit rate, each command would have {@code cpus} seconds of
     * CPU a second shared among that many commits. Beside it the CPU the commands took, over every process measured,
     * and that as a multiple of the first. Null without a raw commit rate or CPU figures.
     */
    static Map<String, Object> cpuBudget(int cpus, Double rawCommits, Map<String, Object> cpu) {
        double used = 0;
        for (Object process : cpu.values()) {
            if (process instanceof Map<?, ?> p && p.get("msPerCommand") instanceof Number ms) {
                used += ms.doubleValue();
            }
        }
        if (rawCommits == null || rawCommits <= 0 || used == 0) {
            return null;
        }
        double budget = cpus * 1000.0 / rawCommits;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("msPerCommandAtRawCommitRate", round(budget, 4));
        figures.put("msPerCommand", round(used, 3));
        figures.put("times", round(used / budget, 1));
        return figures;
    }

    /** The machine's pace on one core, for a second, before the run's other measurements. */
    private static double cpuPace() {
        double pace = CpuPace.megabytesPerSecond(Duration.ofSeconds(1));
        Console.say("cpu pace    {} MB/s of SHA-256 on one core", format(pace, 0));
        return pace;
    }

    /**
     * One CSV line per command answered: when (UTC, from the nanoTime clock the answers were timed by, anchored at
     * {@code now} / {@code nowNanos}), latency and lag in ms (empty if none was measured), and position.
     */
    static List<String> traceLines(Load load, long[] lags, Instant now, long nowNanos) {
        List<String> lines = new ArrayList<>();
        lines.add("answered_utc,latency_ms,lag_ms,position");
        for (int i = 0; i < load.answeredAt().length; i++) {
            long answered = load.answeredAt()[i];
            if (answered == 0) {
                continue;
            }
            lines.add(now.minusNanos(nowNanos - answered) + "," + millis(load.latencyNanos()[i]) + ","
                              + (lags[i] < 0 ? "" : millis(lags[i])) + "," + load.positions()[i]);
        }
        return lines;
    }

    private static void writeTrace(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
            Console.say("trace       {} lines in {}", lines.size() - 1, file);
        } catch (IOException e) {
            throw new BenchException("could not write the trace to " + file + ": " + e.getMessage());
        }
    }

    /** p50/p90/p99/max of the lags measured, and how many commands had none (no position reached). */
    static Map<String, Object> lagFigures(long[] lags) {
        long[] measured = Arrays.stream(lags).filter(l -> l >= 0).sorted().toArray();
        Map<String, Object> figures = new LinkedHashMap<>(latencyFigures(measured));
        figures.put("unmeasured", lags.length - measured.length);
        return figures;
    }

    static Map<String, Object> latencyFigures(long[] sorted) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50", millis(percentile(sorted, 50)));
        figures.put("p90", millis(percentile(sorted, 90)));
        figures.put("p99", millis(percentile(sorted, 99)));
        figures.put("max", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return figures;
    }

    /**
     * Sends {@code count} requests made by {@code request} (its index), from the configured number of clients: each
     * client sends its next request when answered, or, with a {@code rate} above 0, request {@code i} is due at
     * {@code i / rate} seconds from the start and its latency counts from then, so a stack that falls behind the
     * schedule shows it in the latency instead of slowing the load down.
     */
    Load send(int count, IntFunction<Request> request, boolean reportProgress, int rate) {
        // Requests are made up front so that building them is not part of the measured time.
        Request[] requests = new Request[count];
        for (int i = 0; i < count; i++) {
            requests[i] = request.apply(i);
        }
        long[] latencies = new long[count];
        long[] answeredAt = new long[count];
        long[] positions = new long[count];
        Arrays.fill(positions, -1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong maxPosition = new AtomicLong(-1);
        AtomicLong lastAnswer = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

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
            // Each client sends on its own thread over a kept-alive connection (see StackHttp#measuredGet).
            StackHttp.onClients(settings.clients(), () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Request r = requests[i];
                    long sentAt = System.nanoTime();
                    if (rate > 0) {
                        long due = start + dueNanos(i, rate);
                        if (due > sentAt) {
                            LockSupport.parkNanos(due - sentAt);
                        }
                        sentAt = due;
                    }
                    String failure = null;
                    try {
                        Answer answer = stack.measured(r.method(), r.uri(), r.token(), r.body());
                        if (answer.status() / 100 == 2) {
                            positions[i] = position(answer.body());
                            maxPosition.accumulateAndGet(positions[i], Math::max);
                        } else {
                            failure = answer.status() + " " + StackHttp.abbreviate(answer.body());
                        }
                    } catch (BenchException e) {
                        failure = e.getMessage();
                    }
                    long answered = System.nanoTime();
                    latencies[i] = answered - sentAt;
                    answeredAt[i] = answered;
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    if (failure != null) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < ERROR_SAMPLES) {
                            errorSamples.add(failure);
                        }
                    }
                }
                return null;
            });
        } finally {
            progress.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        return new Load(count, errors.get(), List.copyOf(errorSamples), latencies, wall, lastAnswer.get(),
                        maxPosition.get(), answeredAt, positions);
    }

    /** When the {@code i}-th request of an open-loop run is due, in nanoseconds from its start. */
    static long dueNanos(int i, int rate) {
        return i * 1_000_000_000L / rate;
    }

    /**
     * The {@code position} of a command's answer ({@code {"id":…,"version":…,"position":…}}), or -1. Read without a
     * JSON tree: the client must stay cheap beside the stack it measures.
     */
    static long position(String answer) {
        int key = answer.indexOf("\"position\"");
        if (key < 0) {
            return -1;
        }
        int i = answer.indexOf(':', key) + 1;
        while (i < answer.length() && answer.charAt(i) == ' ') {
            i++;
        }
        int from = i;
        while (i < answer.length() && Character.isDigit(answer.charAt(i))) {
            i++;
        }
        return i == from ? -1 : Long.parseLong(answer.substring(from, i));
    }

    /** Resets the processor and times it until it is back at {@code head} and no longer replaying. */
    private Map<String, Object> rebuild(long head) {
        long start = System.nanoTime();
        HttpResponse<String> answer = postAsAdmin(
                settings.queryUrl().resolve("/actuator/processors/" + settings.processor() + "/reset"));
        if (answer.statusCode() / 100 != 2) {
            throw new BenchException("reset of " + settings.processor() + " answered " + answer.statusCode() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        long deadline = start + settings.timeout().toNanos();
        boolean sawReplay = false;
        while (true) {
            ProcessorStatus status = rebuiltProcessorStatus();
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
            pause(REBUILD_POLL_MILLIS);
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

    /**
     * A blue/green rebuild of the processor's read model (what an operator runs: a copy filled from the whole store
     * while the old model answers, then switched in), timed from its start until the copy has taken the old one's
     * place, indexes built and all.
     */
    private Map<String, Object> blueGreenRebuild() {
        URI rebuild = settings.queryUrl().resolve("/api/admin/processing-groups/" + settings.processor() + "/rebuild");
        long start = System.nanoTime();
        HttpResponse<String> answer = postAsAdmin(rebuild);
        if (answer.statusCode() != 202) {
            throw new BenchException("blue/green rebuild of " + settings.processor() + " answered "
                                             + answer.statusCode() + " " + StackHttp.abbreviate(answer.body()));
        }
        long deadline = start + settings.timeout().toNanos();
        JsonNode progress;
        while (true) {
            progress = stack.getJson(rebuild, settings.adminToken());
            String state = progress.path("state").asString();
            if (state.equals("switched")) {
                break;
            }
            if (!state.equals("filling") && !state.equals("indexing") && !state.equals("switching")) {
                throw new BenchException("the blue/green rebuild of " + settings.processor() + " is " + state + ": "
                                                 + progress.path("error").asString());
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("the blue/green rebuild had not switched after "
                                                 + settings.timeout().toSeconds() + " s (" + state + ", "
                                                 + progress.path("eventsDone").asLong() + " events)");
            }
            pause(REBUILD_POLL_MILLIS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = progress.path("eventsDone").asLong();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", events);
        figures.put("seconds", round(seconds, 3));
        figures.put("eventsPerSecond", round(events / seconds, 1));
        return figures;
    }

    private HttpResponse<String> postAsAdmin(URI uri) {
        return exchange(HttpRequest.newBuilder(uri)
                                   .timeout(Duration.ofSeconds(60))
                                   .header("Authorization", "Bearer " + settings.adminToken())
                                   .POST(HttpRequest.BodyPublishers.noBody())
                                   .build());
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

    /**
     * Where the lag sampler learns the processor's position: the query side's position stream, unless polling was
     * asked for or the query side has no stream (an older one, measured as it was).
     */
    private ProjectionLag.Feed lagFeed() {
        if (!settings.lagPolled()) {
            Optional<PositionStream> stream = PositionStream.open(settings.queryUrl(), settings.processor(),
                                                                  settings.lagPollMillis(), settings.adminToken());
            if (stream.isPresent()) {
                return stream.get();
            }
            Console.say("  the query side has no position stream: the lag sampler polls the processor's status");
        }
        return ProjectionLag.polling(this::sampledPosition, settings.lagPollMillis());
    }

    /**
     * The processor's position for a polling lag sampler: one processor's status over a kept-alive connection, its
     * position read without a JSON tree. The status of every processor, over {@link HttpClient}, took tens of ms
     * per sample on a loaded machine, and every lag was overstated by that much.
     */
    private long sampledPosition() {
        URI uri = settings.queryUrl().resolve("/actuator/processors/" + settings.processor());
        Answer answer = stack.measuredGet(uri, settings.adminToken());
        if (answer.status() != 200) {
            throw new BenchException("GET " + uri + " answered " + answer.status() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        return position(answer.body());
    }

    ProcessorStatus processorStatus() {
        JsonNode processors = adminGet(settings.queryUrl().resolve("/actuator/processors"));
        for (JsonNode p : processors.valueStream().toList()) {
            if (settings.processor().equals(p.path("name").asString())) {
                return processorStatus(p);
            }
        }
        String known = processors.valueStream().map(p -> p.path("name").asString())
                                 .collect(Collectors.joining(", "));
        throw new BenchException("the query side has no processor named '" + settings.processor() + "' (it has: "
                                         + (known.isEmpty() ? "none" : known) + ")");
    }

    /**
     * The rebuilt processor's status alone, as the rebuild polls it. The status of every processor reads each one's
     * tokens and dead letters: polled every 50 ms, that was a sixth of the query side's samples during a replay.
     */
    private ProcessorStatus rebuiltProcessorStatus() {
        return processorStatus(adminGet(settings.queryUrl().resolve("/actuator/processors/" + settings.processor())));
    }

    /** A GET as the admin that must answer 200, read as JSON. */
    private JsonNode adminGet(URI uri) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                                                          .header("Authorization", "Bearer " + settings.adminToken())
                                                          .build());
        if (answer.statusCode() != 200) {
            throw new BenchException("GET " + uri + " answered " + answer.statusCode() + " "
                                             + StackHttp.abbreviate(answer.body()));
        }
        return json.readTree(answer.body());
    }

    private static ProcessorStatus processorStatus(JsonNode p) {
        return new ProcessorStatus(p.path("name").asString(), p.path("running").asBoolean(),
                                   p.path("replaying").asBoolean(), p.path("error").asBoolean(),
                                   p.path("segments").size(), p.path("position").asLong(-1));
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
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mode", "throughput");
        figures.put("startedAt", startedAt.toString());
        figures.put("commands", load.sent());
        figures.put("clients", settings.clients());
        figures.put("warmup", settings.warmup());
        figures.put("rate", settings.rate() > 0 ? settings.rate() : null);
        figures.put("errors", load.errors());
        figures.put("errorRate", round(rate(load), 4));
        figures.put("errorSamples", load.errorSamples());
        figures.put("wallSeconds", round(wallSeconds, 3));
        figures.put("commandsPerSecond", round(load.sent() / wallSeconds, 1));
        figures.put("latencyMs", latencyFigures(sorted));
        figures.put("projectionLagSeconds", lagSeconds == null ? null : round(lagSeconds, 3));
        figures.put("headPosition", head);
        figures.put("processor", settings.processor());
        figures.put("blueGreen", settings.blueGreen());
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
        Map<String, Object> lag = (Map<String, Object>) f.get("projectionLagMs");
        Console.say("");
        Console.say("cpu pace    {} MB/s of SHA-256 on one core before the run (the machine's own speed)",
                    f.get("cpuPaceMBps"));
        if (f.get("rawCommitsPerSecond") != null) {
            Console.say("raw commits {} one-row commits/s on PostgreSQL from {} connections", f.get("rawCommitsPerSecond"),
                        f.get("clients"));
        }
        Console.say("commands    {} in {} s = {} commands/s ({} clients), errors {} ({}){}", f.get("commands"),
                    f.get("wallSeconds"), f.get("commandsPerSecond"), f.get("clients"), load.errors(),
                    percent(rate(load)), f.get("ratioToRawCommits") == null ? ""
                            : ", " + f.get("ratioToRawCommits") + " × the raw commit rate");
        Console.say("latency ms  p50 {}  p90 {}  p99 {}  max {}", latency.get("p50"), latency.get("p90"),
                    latency.get("p99"), latency.get("max"));
        Console.say("lag ms      per command, answer until {} had its position: p50 {}  p99 {}  max {}  "
                            + "({} samples, looked at every {} ms by {}; {} unmeasured)", settings.processor(),
                    lag.get("p50"), lag.get("p99"), lag.get("max"), f.get("lagSamples"), f.get("lagPollMs"),
                    "stream".equals(f.get("lagSampler")) ? "the query side" : "the client polling",
                    lag.get("unmeasured"));
        Console.say("projection  {} s after the last answer, at position {}",
                    f.get("projectionLagSeconds") == null ? "n/a" : f.get("projectionLagSeconds"),
                    f.get("headPosition"));
        Map<String, Object> cpu = (Map<String, Object>) f.get("cpu");
        Console.say("cpu         over {} s (commands and projection):", cpu.get("wallSeconds"));
        cpu.forEach((name, value) -> {
            if (value instanceof Map<?, ?> process) {
                Console.say("  {} {} s = {} cores, {} ms per command", String.format(Locale.ROOT, "%-11s", name),
                            process.get("seconds"), process.get("cores"), process.get("msPerCommand"));
            }
        });
        if (cpu.get("clientShare") != null) {
            Console.say("  the client's share of the CPU measured: {}", percent((Double) cpu.get("clientShare")));
        }
        Map<String, Object> bare = (Map<String, Object>) f.get("bareRequests");
        if (bare != null) {
            Map<String, Object> bareCpu = (Map<String, Object>) bare.get("cpu");
            String spent = bareCpu.entrySet().stream().filter(e -> e.getValue() instanceof Map<?, ?>)
                                  .map(e -> ((Map<?, ?>) e.getValue()).get("msPerRequest") + " ms in " + e.getKey())
                                  .collect(Collectors.joining(", "));
            Console.say("  a bare request ({} liveness probes of the command side, {}/s, p50 {} ms): CPU {}",
                        bare.get("requests"), bare.get("perSecond"),
                        ((Map<String, Object>) bare.get("latencyMs")).get("p50"),
                        spent.isEmpty() ? "not measured" : spent);
        }
        Map<String, Object> budget = (Map<String, Object>) f.get("cpuBudget");
        if (budget != null) {
            Console.say("  at the raw commit rate a command would have {} ms of the {} CPUs; the commands took {} ms, "
                                + "{} × that", budget.get("msPerCommandAtRawCommitRate"), f.get("cpus"),
                        budget.get("msPerCommand"), budget.get("times"));
        }
        sayThreads("the lag sampler", (Map<String, Object>) f.get("lagSamplerCpu"));
        sayThreads("the JIT compilers", (Map<String, Object>) f.get("jitCpu"));
        List<?> compiling = (List<?>) f.get("stillCompiling");
        if (!compiling.isEmpty()) {
            Console.say("  not warm yet: the JIT compilers took over {} of {}'s CPU; run again for the figures of a warm "
                                + "stack", percent(WARM_JIT_SHARE), compiling.stream().map(String::valueOf)
                                                                              .collect(Collectors.joining(" and ")));
        }
        Map<String, Map<String, Long>> autovacuum = (Map<String, Map<String, Long>>) f.get("autovacuumDuringCommands");
        if (autovacuum != null) {
            Console.say("autovacuum  during the commands: {}", AutovacuumRuns.describe(autovacuum));
        }
        if (rebuild != null) {
            Console.say("rebuild     {} events in {} s = {} events/s{}", rebuild.get("events"),
                        rebuild.get("seconds"), rebuild.get("eventsPerSecond"),
                        Boolean.TRUE.equals(rebuild.get("replayObserved")) ? ""
                                : " (finished before the first poll: an upper bound)");
        }
        Console.say("machine     {} CPUs, load {} at start, {} after the commands, {} at end", f.get("cpus"),
                    f.get("loadAverageStart"), f.get("loadAverageAfterCommands"), f.get("loadAverageEnd"));
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
