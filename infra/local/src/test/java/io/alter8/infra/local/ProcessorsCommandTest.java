package io.alter8.infra.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alter8.infra.stack.DevKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The processors command calls the operators' routes of both services as an admin, and follows a rebuild. */
class ProcessorsCommandTest {

    @TempDir
    Path keys;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> roles = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A fake service: answers each request ("GET /path") as {@code answers} says; records who asked what. */
    private String serve(String side, Function<String, Answer> answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            calls.add(side + " " + request);
            roles.add(claimsOf(exchange));
            Answer answer = answers.apply(request);
            answer(exchange, answer == null ? 404 : answer.status(), answer == null ? "{}" : answer.body());
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    record Answer(int status, String body) {
    }

    private List<String> flags(String command, String query) {
        DevKeys.loadOrCreate(keys);
        return List.of("--command-url", command, "--query-url", query,
                       "--key-file", keys.resolve(DevKeys.PRIVATE_FILE).toString());
    }

    @Test
    void listAsksBothServicesAsAnAdmin() throws IOException {
        String group = """
                [{"name": "leases", "state": "up", "position": 7, "head": 9, "lag": 2, "deadLetters": 0,
                  "segments": [{"segment": 0, "position": 7}]}]""";
        Function<String, Answer> groups = r -> r.equals("GET /api/admin/processing-groups") ? new Answer(200, group)
                                                                                               : null;
        String command = serve("command", groups);
        String query = serve("query", groups);

        List<String> args = new ArrayList<>(List.of("list"));
        args.addAll(flags(command, query));
        assertThat(ProcessorsCommand.run(args)).isZero();

        assertThat(calls).containsExactly("command GET /api/admin/processing-groups",
                                          "query GET /api/admin/processing-groups");
        assertThat(roles).allSatisfy(r -> assertThat(r).contains("\"admin\""));
    }

    @Test
    void rebuildFollowsTheProgressUntilTheCopyHasSwitched() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        // The progress route answers filling, then indexing (caught up, its indexes being built), then switched.
        String query = serve("query", r -> switch (r) {
            case "POST /api/admin/processing-groups/leases/rebuild" -> new Answer(202, "{\"state\": \"filling\"}");
            case "GET /api/admin/processing-groups/leases/rebuild" -> new Answer(200, switch (polls.incrementAndGet()) {
                case 1 -> "{\"state\": \"filling\", \"eventsDone\": 5, \"eventsTotal\": 10, \"secondsLeft\": 1}";
                case 2 -> "{\"state\": \"indexing\", \"eventsDone\": 10, \"eventsTotal\": 10, \"secondsLeft\": 0}";
                default -> "{\"state\": \"switched\", \"eventsDone\": 10, \"eventsTotal\": 10, \"secondsLeft\": 0}";
            });
            default -> null;
        });

        List<String> args = new ArrayList<>(List.of("rebuild", "leases"));
        args.addAll(flags(query, query));
        assertThat(ProcessorsCommand.run(args)).isZero();

        assertThat(calls).containsExactly("query POST /api/admin/processing-groups/leases/rebuild",
                                          "query GET /api/admin/processing-groups/leases/rebuild",
                                          "query GET /api/admin/processing-groups/leases/rebuild",
                                          "query GET /api/admin/processing-groups/leases/rebuild");
    }

    @Test
    void aRefusedActionOrAFailedRebuildEndsWithAnError() throws IOException {
        String query = serve("query", r -> switch (r) {
            case "POST /api/admin/processing-groups/leases/rebuild" -> new Answer(202, "{}");
            case "GET /api/admin/processing-groups/leases/rebuild" ->
                    new Answer(200, "{\"state\": \"failed\", \"error\": \"the switch failed\"}");
            default -> null;
        });

        List<String> evict = new ArrayList<>(List.of("evict", "leases", "x"));
        evict.addAll(flags(query, query));
        assertThat(ProcessorsCommand.run(evict)).isEqualTo(1);
        List<String> rebuild = new ArrayList<>(List.of("rebuild", "leases"));
        rebuild.addAll(flags(query, query));
        assertThat(ProcessorsCommand.run(rebuild)).isEqualTo(1);
    }

    @Test
    void anUnknownActionOrAMissingArgumentIsAUsageError() {
        assertThatThrownBy(() -> ProcessorsCommand.run(List.of("restart"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ProcessorsCommand.run(List.of("retry", "leases"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ProcessorsCommand.run(List.of())).isInstanceOf(UsageException.class);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            if (status != 204) {
                out.write(bytes);
            }
        }
    }

    /** The claims of the bearer token, as JSON text. */
    private static String claimsOf(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return "";
        }
        String[] parts = header.substring(7).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }
}
