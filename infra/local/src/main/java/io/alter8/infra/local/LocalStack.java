package io.alter8.infra.local;

import io.alter8.infra.stack.DevKeys;
import io.alter8.infra.stack.EmbeddedStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole of Alter8 on one machine: the embedded stores (unless real servers are configured) and the command side
 * and query side as child JVMs. {@code ./alter8 run} uses it, and so do the end-to-end tests.
 * <p>
 * {@link #close()} stops the services (gracefully, then forcibly) and then the stores, and can be called from any
 * thread at any time, also while {@link #start(Options)} is still under way (Ctrl-C during start-up).
 */
public final class LocalStack implements AutoCloseable {

    /** Environment variables that point the services at real servers instead of the embedded ones. */
    public static final String DB_URL = "ALTER8_DB_URL";
    public static final String DB_USER = "ALTER8_DB_USER";
    public static final String DB_PASSWORD = "ALTER8_DB_PASSWORD";
    public static final String READ_DB_URL = "ALTER8_READ_DB_URL";
    public static final String REDIS_URL = "ALTER8_REDIS_URL";
    public static final String MONGO_URI = "ALTER8_MONGO_URI";
    public static final String JWT_PRIVATE_KEY = "ALTER8_JWT_PRIVATE_KEY";
    public static final String JWT_PUBLIC_KEY = "ALTER8_JWT_PUBLIC_KEY";
    public static final String JWT_SERVICE_TOKENS = "ALTER8_JWT_SERVICE_TOKENS";
    public static final String AUDIT_SIGNING_KEY = "ALTER8_AUDIT_SIGNING_KEY";
    public static final String AUDIT_PUBLIC_KEY = "ALTER8_AUDIT_PUBLIC_KEY";
    public static final String AUDIT_RETIRED_PUBLIC_KEYS = "ALTER8_AUDIT_RETIRED_PUBLIC_KEYS";

    static final String DATA_DIR_MARKER = "ALTER8-DATA";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Where the command side keeps its events (its schema is fixed in its application.yml). */
    private static final String EVENT_STORE_TABLE = "command_side.domain_event_entry";

    private final Options options;
    private final Path logDir;
    private final Object lock = new Object();
    private final CountDownLatch closing = new CountDownLatch(1);
    private boolean closed;
    private volatile boolean stoppedDuringStart;
    private EmbeddedStack stores;
    private LocalPostOffice postOffice;
    private ServiceProcess commandSide;
    private ServiceProcess querySide;
    /** The token keys this stack made or found in its data directory; null when the environment brings its own. */
    private KeyPair tokenKeys;

    /**
     * How to run the stack. {@code environment} is where {@code ALTER8_*} settings for real servers come from
     * (the CLI passes its own environment, tests an empty map); other {@code ALTER8_*} entries in it are passed on to
     * both services as they are.
     */
    public record Options(Path dataDir, boolean fresh,
                          int postgresPort, int redisPort, int mongoPort,
                          int commandPort, int queryPort,
                          Path commandJar, Path queryJar,
                          Map<String, String> environment, Duration readyTimeout) {

        public static final int DEFAULT_POSTGRES_PORT = 5433;
        public static final int DEFAULT_REDIS_PORT = 6380;
        public static final int DEFAULT_MONGO_PORT = 27018;
        public static final int DEFAULT_COMMAND_PORT = 8080;
        public static final int DEFAULT_QUERY_PORT = 8081;

        public Options {
            environment = Map.copyOf(environment);
        }

        /** Default ports (stores beside, not on, the usual ones of real servers), no real servers, 120 s to start. */
        public static Options of(Path dataDir, Path commandJar, Path queryJar) {
            return new Options(dataDir, false, DEFAULT_POSTGRES_PORT, DEFAULT_REDIS_PORT, DEFAULT_MONGO_PORT,
                               DEFAULT_COMMAND_PORT, DEFAULT_QUERY_PORT, commandJar, queryJar, Map.of(),
                               Duration.ofSeconds(120));
        }

        public Options withFresh(boolean fresh) {
            return new Options(dataDir, fresh, postgresPort, redisPort, mongoPort, commandPort, queryPort,
                               commandJar, queryJar, environment, readyTimeout);
        }

        public Options withStorePorts(int postgresPort, int redisPort, int mongoPort) {
            return new Options(dataDir, fresh, postgresPort, redisPort, mongoPort, commandPort, queryPort,
                               commandJar, queryJar, environment, readyTimeout);
        }

        public Options withServicePorts(int commandPort, int queryPort) {
            return new Options(dataDir, fresh, postgresPort, redisPort, mongoPort, commandPort, queryPort,
                               commandJar, queryJar, environment, readyTimeout);
        }

        public Options withEnvironment(Map<String, String> environment) {
            return new Options(dataDir, fresh, postgresPort, redisPort, mongoPort, commandPort, queryPort,
                               commandJar, queryJar, environment, readyTimeout);
        }

        public Options withReadyTimeout(Duration readyTimeout) {
            return new Options(dataDir, fresh, postgresPort, redisPort, mongoPort, commandPort, queryPort,
                               commandJar, queryJar, environment, readyTimeout);
        }

        /**
         * A stack for an end-to-end test, beside anything else running: the jars the build made (the system
         * properties {@code alter8.commandJar} and {@code alter8.queryJar}, which failsafe sets), every store and
         * service on a port free now, three minutes to start.
         */
        public static Options forTest(Path dataDir) {
            return of(dataDir, builtJar("alter8.commandJar"), builtJar("alter8.queryJar"))
                    .withStorePorts(EmbeddedStack.freePort(), EmbeddedStack.freePort(), EmbeddedStack.freePort())
                    .withServicePorts(EmbeddedStack.freePort(), EmbeddedStack.freePort())
                    .withReadyTimeout(Duration.ofSeconds(180));
        }

        private static Path builtJar(String property) {
            String path = System.getProperty(property);
            if (blank(path)) {
                throw new LocalStackException("system property " + property + " names no jar (failsafe sets it)");
            }
            return Path.of(path);
        }

        boolean embeddedPostgres() {
            return blank(environment.get(DB_URL));
        }

        boolean embeddedRedis() {
            return blank(environment.get(REDIS_URL));
        }

        boolean embeddedMongo() {
            return blank(environment.get(MONGO_URI));
        }
    }

    private LocalStack(Options options) {
        this.options = options;
        this.logDir = options.dataDir().resolve("logs");
    }

    /** Starts everything and returns once both services answer their readiness probe; on failure nothing is left. */
    public static LocalStack start(Options options) {
        LocalStack stack = prepare(options);
        stack.startAll();
        return stack;
    }

    /** Not yet started: lets the CLI register its shutdown hook before anything runs. */
    static LocalStack prepare(Options options) {
        return new LocalStack(options);
    }

    void startAll() {
        Instant began = Instant.now();
        try {
            checkJar(options.commandJar(), "command side", "--command-jar");
            checkJar(options.queryJar(), "query side", "--query-jar");
            prepareDataDir(options.dataDir(), options.fresh());
            checkPortsFree();

            List<String> embedded = embeddedStoreNames();
            Console.say(embedded.isEmpty() ? "Using the stores configured in the environment."
                                           : "Starting the stores (" + String.join(", ", embedded) + ")…");
            synchronized (lock) {
                requireOpen();
                stores = EmbeddedStack.start(new EmbeddedStack.Options(
                        options.dataDir(), options.embeddedPostgres(), options.postgresPort(),
                        options.embeddedRedis(), options.redisPort(), options.embeddedMongo(), options.mongoPort()));
            }
            Map<String, String> shared = serviceEnvironment();
            // An admin may move the platform's clock forward (POST /api/admin/clock), to watch late fees appear; the
            // query side follows the move (what it lists as overdue), so both services get the setting.
            shared.putIfAbsent("ALTER8_CLOCK_MOVABLE", "true");

            Map<String, String> commandEnv = new LinkedHashMap<>(shared);
            commandEnv.put("ALTER8_COMMAND_PORT", Integer.toString(options.commandPort()));
            commandEnv.putIfAbsent("ALTER8_QUERY_BASE_URL", queryBaseUrl());
            // Messages go out over SMTP and the SMS/WhatsApp webhook to in-process providers, which write them to
            // files a developer can read (sign-up, reset and two-factor codes included).
            synchronized (lock) {
                requireOpen();
                postOffice = LocalPostOffice.open(options.dataDir().resolve("inbox"));
            }
            commandEnv.put("SPRING_MAIL_HOST", "127.0.0.1");
            commandEnv.put("SPRING_MAIL_PORT", Integer.toString(postOffice.smtpPort()));
            commandEnv.putIfAbsent("ALTER8_NOTIFICATIONS_SMS_URL", postOffice.webhookUrl("sms"));
            commandEnv.putIfAbsent("ALTER8_NOTIFICATIONS_WHATSAPP_URL", postOffice.webhookUrl("whatsapp"));
            if (blank(commandEnv.get(AUDIT_SIGNING_KEY))) {
                // The key that signs the event log's checkpoints; ./alter8 audit verify reads the public half.
                KeyPair checkpointKeys = DevKeys.loadOrCreateCheckpointKeys(options.dataDir().resolve("keys"));
                commandEnv.put(AUDIT_SIGNING_KEY, DevKeys.oneLine(checkpointKeys.getPrivate().getEncoded()));
                commandEnv.put(AUDIT_PUBLIC_KEY, DevKeys.oneLine(checkpointKeys.getPublic().getEncoded()));
                // Keys a rotation retired still vouch for the checkpoints they signed (docs/audit.md).
                Path retired = options.dataDir().resolve("keys").resolve(DevKeys.CHECKPOINT_RETIRED_FILE);
                if (Files.isRegularFile(retired)) {
                    try {
                        commandEnv.put(AUDIT_RETIRED_PUBLIC_KEYS, Files.readString(retired));
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not read " + retired, e);
                    }
                }
            }
            Map<String, String> queryEnv = new LinkedHashMap<>(shared);
            queryEnv.put("ALTER8_QUERY_PORT", Integer.toString(options.queryPort()));
            // The query side checks tokens; it must not be able to mint them.
            queryEnv.remove(JWT_PRIVATE_KEY);
            queryEnv.remove(AUDIT_SIGNING_KEY);

            commandSide = new ServiceProcess("command side", options.commandJar(), options.commandPort(), commandEnv,
                                             logDir.resolve("command-side.log"));
            querySide = new ServiceProcess("query side", options.queryJar(), options.queryPort(), queryEnv,
                                           logDir.resolve("query-side.log"));

            Instant deadline = Instant.now().plus(options.readyTimeout());
            launch(commandSide, false);
            // The query side reads the event store the command side's migrations create: it may start once the
            // table is there, while the command side still boots. Overlapping them saves about a third of the start-up.
            awaitEventStoreTable(shared, deadline);
            launch(querySide, false);
            awaitReady(commandSide, deadline);
            awaitReady(querySide, deadline);
            Console.say("Up in {} s.", seconds(Duration.between(began, Instant.now())));
        } catch (RuntimeException e) {
            // Closed from outside (Ctrl-C) while starting: the failure is a consequence, not the cause.
            stoppedDuringStart = isClosing();
            close();
            if (stoppedDuringStart) {
                throw new LocalStackException("stopped before it was ready", e);
            }
            throw e;
        }
    }

    private void launch(ServiceProcess service, boolean appendLog) {
        Console.say("Starting the {}…", service.name());
        synchronized (lock) {
            requireOpen();
            service.start(appendLog);
        }
    }

    private void awaitReady(ServiceProcess service, Instant deadline) {
        service.awaitReady(deadline);
        Console.say("  {} ready in {} s", service.name(), seconds(service.upFor()));
    }

    /**
     * Waits until the event store's table exists. Gives up early, leaving the diagnosis to {@link #awaitReady}, when
     * the command side dies or the database cannot be asked (wrong credentials): then the query side just starts.
     */
    private void awaitEventStoreTable(Map<String, String> env, Instant deadline) {
        while (Instant.now().isBefore(deadline) && !isClosing()) {
            try (Connection connection = DriverManager.getConnection(env.get(DB_URL),
                                                                     env.getOrDefault(DB_USER, "postgres"),
                                                                     env.getOrDefault(DB_PASSWORD, "postgres"));
                 Statement statement = connection.createStatement();
                 ResultSet table = statement.executeQuery("SELECT to_regclass('" + EVENT_STORE_TABLE
                                                                  + "') IS NOT NULL")) {
                if (table.next() && table.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                return;
            }
            if (!commandSide.stillRunningAfter(Duration.ofMillis(200))) {
                return;
            }
        }
    }

    /** Stops the command side and starts it again on the same port with the same settings; the log is kept. */
    public void restartCommandSide() {
        synchronized (lock) {
            requireOpen();
        }
        commandSide.stop(STOP_GRACE);
        launch(commandSide, true);
        awaitReady(commandSide, Instant.now().plus(options.readyTimeout()));
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        options.environment().forEach((key, value) -> {
            if (key.startsWith("ALTER8_") && !blank(value)) {
                env.put(key, value);
            }
        });
        if (options.embeddedPostgres()) {
            env.put(DB_URL, stores.jdbcUrl());
            env.put(DB_USER, EmbeddedStack.USER);
            // The embedded server trusts local connections; the services still want a password to send.
            env.put(DB_PASSWORD, "postgres");
        }
        if (options.embeddedRedis()) {
            env.put(REDIS_URL, "redis://" + stores.redisHost() + ":" + stores.redisPort());
        }
        if (options.embeddedMongo()) {
            env.put(MONGO_URI, stores.mongoUri());
        }
        if (blank(env.get(JWT_PUBLIC_KEY))) {
            tokenKeys = DevKeys.loadOrCreate(options.dataDir().resolve("keys"));
            env.put(JWT_PUBLIC_KEY, DevKeys.oneLine(tokenKeys.getPublic().getEncoded()));
            env.put(JWT_PRIVATE_KEY, DevKeys.oneLine(tokenKeys.getPrivate().getEncoded()));
            // The stack's own key also signs `alter8 token` and the benchmark's tokens, which belong to no login.
            env.put(JWT_SERVICE_TOKENS, "true");
        }
        return env;
    }

    /** One line per store: where it is and whether it is embedded. Credentials in URLs are masked. */
    List<String> storeDescriptions() {
        Map<String, String> env = options.environment();
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL " + (options.embeddedPostgres()
                ? "127.0.0.1:" + options.postgresPort() + " (embedded)"
                : redact(env.get(DB_URL)) + " (" + DB_URL + ")"));
        if (!blank(env.get(READ_DB_URL))) {
            lines.add("read models " + redact(env.get(READ_DB_URL)) + " (" + READ_DB_URL + ")");
        }
        lines.add("Redis " + (options.embeddedRedis()
                ? "127.0.0.1:" + options.redisPort() + " (embedded)"
                : redact(env.get(REDIS_URL)) + " (" + REDIS_URL + ")"));
        lines.add("MongoDB " + (options.embeddedMongo()
                ? "127.0.0.1:" + options.mongoPort() + " (embedded, MongoDB-compatible)"
                : redact(env.get(MONGO_URI)) + " (" + MONGO_URI + ")"));
        return lines;
    }

    private List<String> embeddedStoreNames() {
        List<String> names = new ArrayList<>();
        if (options.embeddedPostgres()) {
            names.add("PostgreSQL :" + options.postgresPort());
        }
        if (options.embeddedRedis()) {
            names.add("Redis :" + options.redisPort());
        }
        if (options.embeddedMongo()) {
            names.add("MongoDB :" + options.mongoPort());
        }
        return names;
    }

    public String commandBaseUrl() {
        return "http://localhost:" + options.commandPort();
    }

    public String queryBaseUrl() {
        return "http://localhost:" + options.queryPort();
    }

    public Options options() {
        return options;
    }

    public Path logDir() {
        return logDir;
    }

    public Path commandLog() {
        return logDir.resolve("command-side.log");
    }

    public Path queryLog() {
        return logDir.resolve("query-side.log");
    }

    /** The command side's JVM as it runs now (a restart replaces it). */
    public ProcessHandle commandProcess() {
        return handleOf(commandSide);
    }

    public ProcessHandle queryProcess() {
        return handleOf(querySide);
    }

    private static ProcessHandle handleOf(ServiceProcess service) {
        if (service == null || service.process().isEmpty()) {
            throw new IllegalStateException("not started");
        }
        return service.process().get().toHandle();
    }

    ServiceProcess commandService() {
        return commandSide;
    }

    ServiceProcess queryService() {
        return querySide;
    }

    /** True if {@link #close()} was called while {@link #startAll()} was still under way. */
    boolean wasStoppedDuringStart() {
        return stoppedDuringStart;
    }

    /** True once {@link #close()} has begun: a service that ends then was stopped, it did not crash. */
    boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Waits up to {@code timeout} for {@link #close()} to begin; true if it did. */
    boolean awaitClosing(Duration timeout) throws InterruptedException {
        return closing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        EmbeddedStack storesToStop;
        LocalPostOffice postOfficeToClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing.countDown();
            storesToStop = stores;
            postOfficeToClose = postOffice;
        }
        // Both services at once, then the stores they use: no service ever sees its database vanish.
        List<ProcessHandle> stopping = new ArrayList<>();
        for (ServiceProcess service : new ServiceProcess[] {querySide, commandSide}) {
            if (service != null) {
                stopping.addAll(service.requestStop());
            }
        }
        ServiceProcess.awaitStopped(stopping, STOP_GRACE);
        if (postOfficeToClose != null) {
            postOfficeToClose.close();
        }
        if (storesToStop != null) {
            storesToStop.close();
        }
    }

    /**
     * An access token for {@code userId} with these roles, signed with the stack's own keys: for tests and tools on
     * this machine, while users and login are not set up.
     */
    public String token(UUID userId, String... roles) {
        if (tokenKeys == null) {
            throw new LocalStackException("the token keys come from the environment; log in to get a token");
        }
        return DevKeys.mint(tokenKeys.getPrivate(), userId, Duration.ofMinutes(30), roles);
    }

    private void requireOpen() {
        if (closed) {
            throw new LocalStackException("the local stack is stopping");
        }
    }

    private static void checkJar(Path jar, String service, String flag) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new LocalStackException("the " + service + " jar was not found at " + jar + ". Build it with "
                                                  + "./mvnw -DskipTests package (./alter8 run does), or give its "
                                                  + "path with " + flag + ".");
        }
    }

    private void checkPortsFree() {
        checkPortFree(options.commandPort(), "the command side", "--command-port");
        checkPortFree(options.queryPort(), "the query side", "--query-port");
        if (options.embeddedPostgres()) {
            checkPortFree(options.postgresPort(), "the embedded PostgreSQL", "--postgres-port");
        }
        if (options.embeddedRedis()) {
            checkPortFree(options.redisPort(), "the embedded Redis", "--redis-port");
        }
        if (options.embeddedMongo()) {
            checkPortFree(options.mongoPort(), "the embedded MongoDB-compatible server", "--mongo-port");
        }
    }

    private static void checkPortFree(int port, String what, String flag) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LocalStackException("port " + port + " for " + what + " is in use (is Alter8 already "
                                                  + "running?). Stop whatever uses it, or choose another with "
                                                  + flag + ".");
        }
    }

    /**
     * Creates the data directory, or empties it first when {@code fresh}. A marker file tells our directories apart
     * from anything else, so a mistyped {@code --data-dir} with {@code --fresh} never deletes someone's files.
     */
    static void prepareDataDir(Path dir, boolean fresh) {
        try {
            boolean ours = Files.exists(dir.resolve(DATA_DIR_MARKER));
            if (Files.exists(dir) && !ours && !isEmptyDirectory(dir)) {
                throw new LocalStackException(dir.toAbsolutePath() + " exists and is not an Alter8 data directory "
                                                      + "(no " + DATA_DIR_MARKER + " file in it). Choose another "
                                                      + "with --data-dir.");
            }
            if (fresh && Files.exists(dir)) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir.resolve("logs"));
            if (!Files.exists(dir.resolve(DATA_DIR_MARKER))) {
                Files.writeString(dir.resolve(DATA_DIR_MARKER),
                                  "Data and logs of the Alter8 local stack. ./alter8 run --fresh deletes it all.\n",
                                  StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data directory " + dir, e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Masks the password in {@code scheme://user:password@host} and in a {@code password=} parameter. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@")
                  .replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
