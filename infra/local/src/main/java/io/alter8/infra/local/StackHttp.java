package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import io.alter8.infra.stack.DevKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the seeding and search commands share: JSON over HTTP to a running stack, and tokens signed with the
 * stack's own key (its data directory keeps it), so that they act as any user without accounts or passwords.
 */
final class StackHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(5)).build();
    private final PrivateKey key;

    StackHttp(Args args) {
        this(args, Alter8Cli.dataDir());
    }

    /** With the token key at {@code --key-file}, by default the one of the stack whose data is in {@code dataDir}. */
    StackHttp(Args args, Path dataDir) {
        Path keyFile = Path.of(args.string("--key-file", dataDir.resolve("keys").resolve(DevKeys.PRIVATE_FILE)
                                                                .toString()));
        if (!Files.isRegularFile(keyFile)) {
            throw new BenchException("no token key at " + keyFile + ": start the stack with ./alter8 run, or give "
                                             + "the stack's private key with --key-file");
        }
        this.key = DevKeys.readPrivateKey(keyFile);
    }

    String token(String role) {
        return token(role, UUID.randomUUID());
    }

    String token(String role, UUID user) {
        return DevKeys.mint(key, user, Duration.ofHours(12), role);
    }

    HttpResponse<String> get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                               .header("Authorization", "Bearer " + token).build());
    }

    /** What a measured request answered. */
    record Answer(int status, String body) {
    }

    /**
     * GET for measuring: a blocking HttpURLConnection on the calling thread (kept-alive connections, one per
     * client). {@link HttpClient} hands each exchange to its own selector thread and back, which on two cores
     * added 1–3 ms at p99 to a 1 ms request: the benchmark would have measured itself.
     */
    Answer measuredGet(URI uri, String token, String... headers) {
        return measured("GET", uri, token, null, headers);
    }

    /**
     * A request with a JSON body ({@code POST}, {@code PUT}), measured as {@link #measuredGet} is; {@code headers}
     * are more headers, as name and value. A null {@code token} sends none (the open probes).
     */
    Answer measured(String method, URI uri, String token, String jsonBody, String... headers) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod(method);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            for (int h = 0; h + 1 < headers.length; h += 2) {
                connection.setRequestProperty(headers[h], headers[h + 1]);
            }
            if (jsonBody != null) {
                byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/json");
                try (var out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            // Read to the end and close, or the connection is not reused.
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new BenchException(method + " " + uri + " failed: " + e.getMessage()
                                             + ". Is the stack up (./alter8 run)?");
        }
    }

    HttpResponse<String> post(URI uri, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(300))
                                                 .header("Content-Type", "application/json")
                                                 .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** GET that must answer 200, as JSON. */
    JsonNode getJson(URI uri, String token) {
        HttpResponse<String> answer = get(uri, token);
        if (answer.statusCode() != 200) {
            throw new BenchException("GET " + uri + " answered " + answer.statusCode() + " "
                                             + abbreviate(answer.body()));
        }
        return JSON.readTree(answer.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e.getMessage()
                                             + ". Is the stack up (./alter8 run)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** Runs {@code worker} on {@code clients} threads at once and waits for all; the first failure ends it. */
    static void onClients(int clients, Callable<Void> worker) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(worker));
            }
            for (Future<Void> running : workers) {
                running.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException bench ? bench
                    : new BenchException("a client failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static URI baseUri(String url) {
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a URL: " + url);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
