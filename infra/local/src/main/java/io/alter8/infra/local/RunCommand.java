package io.alter8.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** {@code alter8 run}: the local stack in the foreground until Ctrl-C. */
final class RunCommand {

    static final String USAGE = """
            Usage: alter8 run [options]

            Starts embedded PostgreSQL, Redis and a MongoDB-compatible server, then the command side and the
            query side, and stays up until Ctrl-C.

            Options:
              --data-dir DIR       where the stores keep their data and the services their logs
                                   (default: .alter8-data in the repository)
              --fresh              delete the data directory first: start from an empty event store
              --command-port N     command side HTTP port (default 8080)
              --query-port N       query side HTTP port (default 8081)
              --postgres-port N    embedded PostgreSQL port (default 5433)
              --redis-port N       embedded Redis port (default 6380)
              --mongo-port N       embedded MongoDB-compatible server port (default 27018)
              --command-jar FILE   command side jar (default command-side/target/command-side-*-exec.jar)
              --query-jar FILE     query side jar (default query-side/target/query-side-*-exec.jar)
              --ready-timeout S    seconds each service may take to become ready (default 120)
              --no-build           (./alter8 script) do not build before starting

            Real servers instead of embedded ones, through the environment:
              ALTER8_DB_URL, ALTER8_DB_USER, ALTER8_DB_PASSWORD     event store (PostgreSQL, JDBC URL)
              ALTER8_READ_DB_URL, ALTER8_READ_DB_USER, ..._PASSWORD read models (default: the event store DB)
              ALTER8_REDIS_URL                                       e.g. redis://127.0.0.1:6379
              ALTER8_MONGO_URI                                       e.g. mongodb://127.0.0.1:27017/alter8
            """;

    private static final Set<String> VALUE_FLAGS = Set.of("--data-dir", "--command-port", "--query-port",
                                                          "--postgres-port", "--redis-port", "--mongo-port",
                                                          "--command-jar", "--query-jar", "--ready-timeout");
    private static final Set<String> SWITCHES = Set.of("--fresh", "--no-build");

    private RunCommand() {
    }

    static int run(List<String> arguments, Path home, Map<String, String> environment) {
        Args args = Args.parse(arguments, VALUE_FLAGS, SWITCHES);
        LocalStack.Options options = new LocalStack.Options(
                args.path("--data-dir", home.resolve(".alter8-data")).toAbsolutePath().normalize(),
                args.has("--fresh"),
                args.port("--postgres-port", LocalStack.Options.DEFAULT_POSTGRES_PORT),
                args.port("--redis-port", LocalStack.Options.DEFAULT_REDIS_PORT),
                args.port("--mongo-port", LocalStack.Options.DEFAULT_MONGO_PORT),
                args.port("--command-port", LocalStack.Options.DEFAULT_COMMAND_PORT),
                args.port("--query-port", LocalStack.Options.DEFAULT_QUERY_PORT),
                args.path("--command-jar", null) != null ? args.path("--command-jar", null)
                                                         : findJar(home, "command-side"),
                args.path("--query-jar", null) != null ? args.path("--query-jar", null)
                                                       : findJar(home, "query-side"),
                environment,
                Duration.ofSeconds(args.integer("--ready-timeout", 120, 5, 3600)));
        checkDistinctPorts(options);

        LocalStack stack = LocalStack.prepare(options);
        Thread stopper = new Thread(() -> {
            if (stack.isClosing()) {
                return; // a failed start or a crashed service already stopped everything
            }
            Console.say("Stopping…");
            stack.close();
            Console.say("Stopped.");
        }, "alter8-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            stack.startAll();
        } catch (LocalStackException e) {
            if (stack.wasStoppedDuringStart()) {
                return 130;
            }
            Console.error("Could not start Alter8: {}", e.getMessage());
            return 1;
        }
        printWhereThingsAre(stack);
        return watch(stack);
    }

    private static void printWhereThingsAre(LocalStack stack) {
        Console.say("");
        Console.say("Alter8 is running.");
        Console.say("  command side  {}   (Swagger UI {}/swagger-ui.html)", stack.commandBaseUrl(),
                    stack.commandBaseUrl());
        Console.say("  query side    {}   (Swagger UI {}/swagger-ui.html)", stack.queryBaseUrl(),
                    stack.queryBaseUrl());
        List<String> stores = stack.storeDescriptions();
        for (int i = 0; i < stores.size(); i++) {
            Console.say("{}{}", i == 0 ? "  stores        " : "                ", stores.get(i));
        }
        Console.say("  data          {}", stack.options().dataDir());
        Console.say("  logs          {}", stack.commandLog());
        Console.say("                {}", stack.queryLog());
        Console.say("Press Ctrl-C to stop.");
    }

    /** Blocks until a service ends. If that was not our own shutdown, it is a crash: say which, then stop all. */
    private static int watch(LocalStack stack) {
        ServiceProcess command = stack.commandService();
        ServiceProcess query = stack.queryService();
        CompletableFuture<ServiceProcess> firstExit = CompletableFuture.anyOf(
                command.process().orElseThrow().onExit().thenApply(p -> command),
                query.process().orElseThrow().onExit().thenApply(p -> query)).thenApply(ServiceProcess.class::cast);
        ServiceProcess ended;
        try {
            ended = firstExit.join();
            // Ctrl-C reaches the services too (same process group) and they may end before our hook has begun;
            // give the hook a moment to say it is a shutdown and not a crash.
            if (stack.awaitClosing(Duration.ofSeconds(3))) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        Process process = ended.process().orElseThrow();
        Console.error("The {} stopped unexpectedly ({}).", ended.name(), describeExit(process.exitValue()));
        Console.error("{}", ended.logTail());
        Console.error("Stopping everything.");
        stack.close();
        return 1;
    }

    /** Exit codes above 128 are a signal: "killed" says more than "137". */
    static String describeExit(int code) {
        return code > 128 && code < 160 ? "killed by signal " + (code - 128) + ", exit code " + code
                                        : "exit code " + code;
    }

    /**
     * The newest {@code <module>/target/<module>-*-exec.jar} under {@code home}, so the version need not be known;
     * the expected path (for the error message) if there is none.
     */
    static Path findJar(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(f -> {
                                String name = f.getFileName().toString();
                                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
                            })
                            .max(Comparator.comparing(RunCommand::lastModified))
                            .orElse(target.resolve(module + "-<version>-exec.jar"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target.resolve(module + "-<version>-exec.jar");
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkDistinctPorts(LocalStack.Options o) {
        List<Integer> ports = Stream.of(o.commandPort(), o.queryPort(),
                                        o.embeddedPostgres() ? o.postgresPort() : null,
                                        o.embeddedRedis() ? o.redisPort() : null,
                                        o.embeddedMongo() ? o.mongoPort() : null)
                                    .filter(Objects::nonNull)
                                    .toList();
        if (ports.stream().distinct().count() != ports.size()) {
            throw new UsageException("two of the services or stores would share a port: " + ports);
        }
    }
}
