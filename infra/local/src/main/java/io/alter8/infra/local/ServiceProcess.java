package io.alter8.infra.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One service (command side or query side) as a child JVM: {@code java -jar <exec jar>} with its settings in the
 * environment and its output in a log file. Knows how to wait until it is ready and how to stop it with everything
 * it started.
 */
final class ServiceProcess {

    private static final int LOG_TAIL_LINES = 40;
    /**
     * The parallel collector rather than G1, the JVM's choice on two cores. G1 kept the command side's heap near
     * 250 MB for its pause goal, a young collection every two to four seconds, each copying the same medium-lived
     * objects again; the parallel collector sizes the heap for 1 % of the time in collections. On two cores, at 300
     * commands a second, a command cost 6.5 ms of CPU over all processes with G1 and 5.2–5.5 without, and the
     * answers' p99 fell from 1.4 s to 0.1 s (docs/decisions.md, "The services' collector").
     */
    private static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";
    /**
     * A service loads about 100 MB of classes. From the default of about 20 MB, each time its class metadata passed
     * the next mark, the parallel collector ran a full collection: four to six while a service started and warmed,
     * up to 0.86 s each, the last while it already served commands (docs/decisions.md, "The services' collector").
     */
    private static final String CLASS_METADATA_MARK = "-XX:MetaspaceSize=256m";

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder()
                                              .version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(2))
                                              .build();
    private volatile Process process;
    private volatile Instant startedAt;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** Starts the JVM. {@code appendLog} keeps the previous run's output (a restart) instead of starting afresh. */
    void start(boolean appendLog) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-XX:+ExitOnOutOfMemoryError", THROUGHPUT_COLLECTOR,
                                                    CLASS_METADATA_MARK, "-jar", jar.toAbsolutePath().toString());
        // Settings come only from here: an ALTER8_* variable left in the caller's shell must not leak in.
        builder.environment().keySet().removeIf(key -> key.startsWith("ALTER8_"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                                         : ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        try {
            Files.createDirectories(logFile.getParent());
            if (appendLog) {
                Files.writeString(logFile, System.lineSeparator() + "===== restarted at " + Instant.now()
                        + " =====" + System.lineSeparator(), StandardCharsets.UTF_8,
                                  StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new LocalStackException("could not start the " + name + ": " + e.getMessage(), e);
        }
    }

    /** Time since the JVM was started. */
    Duration upFor() {
        return Duration.between(startedAt, Instant.now());
    }

    /** Waits up to {@code timeout}, returning early if the JVM exits; true if it still runs. */
    boolean stillRunningAfter(Duration timeout) {
        Process p = process;
        if (p == null) {
            return false;
        }
        try {
            return !p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls the readiness probe until it answers 200. Fails early, with the tail of the log, if the JVM exits.
     */
    void awaitReady(Instant deadline) {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " was not started");
        }
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                                      + "/actuator/health/readiness"))
                                       .timeout(Duration.ofSeconds(2))
                                       .GET()
                                       .build();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!p.isAlive()) {
                throw new LocalStackException("the " + name + " exited with code " + p.exitValue()
                                                      + " while starting.\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "readiness answered " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastAnswer = "not answering on port " + port;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for the " + name, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalStackException("the " + name + " was not ready in time (" + lastAnswer + ").\n"
                                                      + logTail());
            }
            try {
                // Returns early when the JVM dies, so a crash is reported at once.
                p.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while waiting for the " + name, e);
            }
        }
    }

    /**
     * Asks the JVM and whatever it started to stop (SIGTERM, so Spring shuts down gracefully) and returns them, so the
     * caller can ask several services at once and then wait for all.
     */
    List<ProcessHandle> requestStop() {
        Process p = process;
        if (p == null) {
            return List.of();
        }
        // Descendants first: once the parent is gone they are re-parented and can no longer be found from here.
        List<ProcessHandle> handles = new ArrayList<>(p.descendants().collect(Collectors.toList()));
        handles.add(0, p.toHandle());
        handles.forEach(ProcessHandle::destroy);
        return handles;
    }

    void stop(Duration grace) {
        awaitStopped(requestStop(), grace);
    }

    /** Waits for the processes to end; whatever still runs after {@code grace} is killed. */
    static void awaitStopped(List<ProcessHandle> handles, Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : handles) {
            waitUntil(handle, deadline);
        }
        List<ProcessHandle> stubborn = handles.stream().filter(ProcessHandle::isAlive).toList();
        stubborn.forEach(ProcessHandle::destroyForcibly);
        Instant killDeadline = Instant.now().plusSeconds(5);
        for (ProcessHandle handle : stubborn) {
            waitUntil(handle, killDeadline);
        }
    }

    private static void waitUntil(ProcessHandle handle, Instant deadline) {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            handle.onExit().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still alive: the caller kills it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the service's log, for error messages. */
    String logTail() {
        if (!Files.exists(logFile)) {
            return "(no log at " + logFile + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            // Stack traces make lines long; 64 KiB is plenty for the last 40 of them.
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            String tail = Arrays.stream(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length)
                                .map(line -> "    " + line)
                                .collect(Collectors.joining(System.lineSeparator()));
            return "Last lines of " + logFile + ":" + System.lineSeparator() + tail;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + logFile, e);
        }
    }

    private static String javaBinary() {
        // The same JVM that runs us: no surprise from another java on the PATH.
        return ProcessHandle.current().info().command()
                            .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String abbreviate(String text) {
        String oneLine = Stream.of(text.split("\\R")).map(String::strip).collect(Collectors.joining(" "));
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
