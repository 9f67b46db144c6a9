package io.alter8.infra.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The three stores Alter8 needs, embedded: PostgreSQL (zonky binaries), Redis (embedded-redis) and a
 * MongoDB-compatible server (mongo-java-server). Nothing to install but a JDK.
 * <p>
 * With a data directory the stores keep their data there between runs; without one they are throw-away (tests).
 * Each store can be left out when a real server is configured instead ({@link Options}).
 */
public final class EmbeddedStack implements AutoCloseable {

    public static final String DATABASE = "alter8";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static EmbeddedStack shared;

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final MongoServer mongo;
    private final MongoBackend mongoBackend;
    private final String mongoUri;

    /** Which stores to start, on which ports (0 = any free port), and where to keep their data (null = nowhere). */
    public record Options(Path dataDir, boolean postgres, int postgresPort, boolean redis, int redisPort,
                          boolean mongo, int mongoPort) {

        public static Options ephemeral() {
            return new Options(null, true, 0, true, 0, true, 0);
        }
    }

    private EmbeddedStack(Options options) throws IOException {
        EmbeddedPostgres pg = null;
        RedisServer rs = null;
        MongoServer ms = null;
        MongoBackend backend = null;
        int rPort = -1;
        String mUri = null;
        try {
            if (options.postgres()) {
                pg = startPostgres(options);
            }
            if (options.redis()) {
                rPort = options.redisPort() == 0 ? freePort() : options.redisPort();
                rs = startRedis(options.dataDir(), rPort);
            }
            if (options.mongo()) {
                backend = options.dataDir() == null
                        ? new MemoryBackend()
                        : new H2Backend(mkdirs(options.dataDir()).resolve("mongo.mv").toString());
                ms = new MongoServer(backend);
                InetSocketAddress address;
                if (options.mongoPort() == 0) {
                    address = ms.bind();
                } else {
                    ms.bind("127.0.0.1", options.mongoPort());
                    address = ms.getLocalAddress();
                }
                mUri = "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE;
            }
        } catch (IOException | RuntimeException e) {
            stopQuietly(pg, rs, ms, backend);
            throw e;
        }
        this.postgres = pg;
        this.redis = rs;
        this.redisPort = rPort;
        this.mongo = ms;
        this.mongoBackend = backend;
        this.mongoUri = mUri;
    }

    public static EmbeddedStack start(Options options) {
        try {
            return new EmbeddedStack(options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded stack", e);
        }
    }

    /**
     * One throw-away stack per JVM, started on first use and stopped when the JVM exits: every test of a module
     * shares it, so the suite pays the start-up once.
     */
    public static synchronized EmbeddedStack shared() {
        if (shared == null) {
            shared = start(Options.ephemeral());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-stack-stop"));
        }
        return shared;
    }

    private static EmbeddedPostgres startPostgres(Options options) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                                                           // We stop it ourselves, after the services that use
                                                           // it; zonky's own hook would race them on Ctrl-C.
                                                           .setRegisterShutdownHook(false)
                                                           .setPGStartupWait(Duration.ofSeconds(30))
                                                           .setServerConfig("max_connections", "300")
                                                           .setServerConfig("listen_addresses", "127.0.0.1");
        if (options.postgresPort() != 0) {
            builder.setPort(options.postgresPort());
        }
        if (options.dataDir() != null) {
            // Kept data must survive a crash: zonky starts PostgreSQL with -F and synchronous_commit=off, which
            // suit throw-away test databases only; a later -c wins over them.
            builder.setDataDirectory(mkdirs(options.dataDir()).resolve("postgres")).setCleanDataDirectory(false)
                   .setServerConfig("fsync", "on")
                   .setServerConfig("synchronous_commit", "on")
                   // The default 128 MB holds a third of a 100,000-listing catalogue: searches then read the
                   // listings from the OS cache page by page. A kept stack is the one that serves real data.
                   .setServerConfig("shared_buffers", "512MB");
        }
        EmbeddedPostgres pg = builder.start();
        createDatabaseIfMissing(pg, DATABASE);
        return pg;
    }

    private static RedisServer startRedis(Path dataDir, int port) throws IOException {
        var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                                 .onShutdownForceStop(false)
                                 // Redis is a cache and messenger here: losing it loses nothing, so no fsync.
                                 .setting("appendonly no")
                                 .setting("maxmemory 256mb")
                                 .setting("maxmemory-policy allkeys-lru");
        if (dataDir != null) {
            Path dir = mkdirs(dataDir.resolve("redis"));
            // A snapshot at most hourly: what it keeps (permissions, rate-limit windows, warm caches) saves time
            // after a restart, never data, and each snapshot forks Redis and writes every cached page, which on a
            // small machine took a core from the requests for a second each minute under load.
            builder.setting("dir " + dir.toAbsolutePath()).setting("save 3600 1");
        } else {
            builder.setting("save \"\"");
        }
        RedisServer server = builder.build();
        server.start();
        return server;
    }

    /** Creates a database in the embedded PostgreSQL unless it exists (e.g. a separate read database). */
    public void createDatabase(String name) {
        requirePostgres();
        createDatabaseIfMissing(postgres, name);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        requirePostgres();
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int postgresPort() {
        requirePostgres();
        return postgres.getPort();
    }

    public String redisHost() {
        return "127.0.0.1";
    }

    public int redisPort() {
        if (redis == null) {
            throw new IllegalStateException("Redis was not started");
        }
        return redisPort;
    }

    public String mongoUri() {
        if (mongo == null) {
            throw new IllegalStateException("the MongoDB-compatible server was not started");
        }
        return mongoUri;
    }

    private void requirePostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL was not started");
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly(postgres, redis, mongo, mongoBackend);
    }

    private static void stopQuietly(EmbeddedPostgres pg, RedisServer rs, MongoServer ms, MongoBackend backend) {
        if (ms != null) {
            try {
                ms.shutdownNow();
            } catch (RuntimeException e) {
                log.warn("Stopping the MongoDB-compatible server failed", e);
            }
        }
        if (backend != null) {
            try {
                backend.close();
            } catch (RuntimeException e) {
                log.warn("Closing the MongoDB backend failed", e);
            }
        }
        if (rs != null) {
            try {
                rs.stop();
            } catch (IOException | RuntimeException e) {
                log.warn("Stopping Redis failed", e);
            }
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Stopping PostgreSQL failed", e);
            }
        }
    }

    private static Path mkdirs(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
