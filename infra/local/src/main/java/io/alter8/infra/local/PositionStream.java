package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The query side's stream of a processing group's position ({@code GET /api/admin/processing-groups/{group}/positions},
 * Server-Sent Events): one request for the whole run, each position pushed when it moves, so the lag sampler costs
 * the query side a look at memory every few milliseconds instead of a request per sample. Reconnects when the server
 * ends the stream (its lifetime is bounded).
 */
final class PositionStream implements ProjectionLag.Feed {

    private final URI uri;
    private final String token;
    private volatile HttpURLConnection connection;
    private BufferedReader lines;
    private volatile boolean closed;

    private PositionStream(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    /** The stream of {@code group} looked at every {@code intervalMillis}; empty if the query side has none (older). */
    static Optional<PositionStream> open(URI queryUrl, String group, int intervalMillis, String adminToken) {
        PositionStream stream = new PositionStream(
                queryUrl.resolve("/api/admin/processing-groups/" + group + "/positions?intervalMs=" + intervalMillis),
                adminToken);
        return stream.connect() ? Optional.of(stream) : Optional.empty();
    }

    /** Whether the stream is open; false if the query side answered anything but 200. */
    private boolean connect() {
        try {
            HttpURLConnection opened = (HttpURLConnection) uri.toURL().openConnection();
            opened.setConnectTimeout(5_000);
            // Nothing comes while the position stands still, however long.
            opened.setReadTimeout(0);
            opened.setRequestProperty("Authorization", "Bearer " + token);
            opened.setRequestProperty("Accept", "text/event-stream");
            connection = opened;
            if (opened.getResponseCode() != 200) {
                try (InputStream error = opened.getErrorStream()) {
                    if (error != null) {
                        error.readAllBytes();
                    }
                }
                return false;
            }
            lines = new BufferedReader(new InputStreamReader(opened.getInputStream(), StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            throw new BenchException("GET " + uri + " failed: " + e.getMessage() + ". Is the query side up?");
        }
    }

    @Override
    public long next() throws InterruptedException {
        while (!closed) {
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                throw new BenchException("the position stream of the query side failed: " + e.getMessage());
            }
            if (line == null) {
                // Ended by the server (its lifetime): open it again.
                if (!closed && !connect()) {
                    throw new BenchException("the position stream " + uri + " could not be opened again");
                }
            } else if (line.startsWith("data:")) {
                return Long.parseLong(line.substring("data:".length()).strip());
            }
        }
        throw new InterruptedException("closed");
    }

    @Override
    public void close() {
        closed = true;
        HttpURLConnection open = connection;
        if (open != null) {
            // Closes the socket, so a read waiting on the sampler's thread ends.
            open.disconnect();
        }
    }
}
