package io.alter8.infra.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A small JSON-over-HTTP client for tests and the benchmark: real requests on real sockets, as API clients send
 * them. Bodies may be given as JSON text or as objects (then Jackson writes them).
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final String clientAddress;

    public ApiClient(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public ApiClient(String baseUrl, HttpClient http) {
        this(baseUrl, http, null, someClientAddress());
    }

    private ApiClient(String baseUrl, HttpClient http, String authorization, String clientAddress) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.authorization = authorization;
        this.clientAddress = clientAddress;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} with every request. */
    public ApiClient withToken(String accessToken) {
        return new ApiClient(baseUrl, http, "Bearer " + accessToken, clientAddress);
    }

    /**
     * The same client on another machine. Each client sends its own address as {@code X-Forwarded-For}, which a
     * service behind a proxy ({@code server.forward-headers-strategy=framework}) takes for the client's address
     * (rate limits per address), and any other service ignores.
     */
    public ApiClient asAnotherClient() {
        return new ApiClient(baseUrl, http, authorization, someClientAddress());
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** An address of the range kept for benchmarking (198.18.0.0/15), like no real client's. */
    private static String someClientAddress() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A response with its body read as text; {@link #json()} parses it. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }

        /** The field messages of a problem+json answer, as "field: message" lines. */
        public List<String> fieldErrors() {
            JsonNode errors = json().path("errors");
            return errors.valueStream().map(e -> e.path("field").asString() + ": " + e.path("message").asString())
                         .toList();
        }

        /** The bad fields a problem+json answer names, when only which fields matters. */
        public List<String> badFields() {
            return json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        }
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, Object body, String... headers) {
        return send(request(path, headers).POST(bodyOf(body)).header("Content-Type", "application/json"));
    }

    public Response put(String path, Object body, String... headers) {
        return send(request(path, headers).PUT(bodyOf(body)).header("Content-Type", "application/json"));
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Any method with a body as given: streamed (chunked, no Content-Length) or of a size the test chooses. */
    public Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).method(method, body));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        builder.header("X-Forwarded-For", clientAddress);
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** One part of a multipart/form-data body: a form field, or a file with its name and declared type. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /** POSTs {@code parts} as multipart/form-data, as a browser form or {@code curl -F} sends a file upload. */
    public Response postMultipart(String path, List<Part> parts, String... headers) {
        String boundary = "alter8-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            body.writeBytes(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                          .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    /** A response whose body is kept as bytes (a download). */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Download download(String path, String... headers) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, headers).GET().build(),
                                                      HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
