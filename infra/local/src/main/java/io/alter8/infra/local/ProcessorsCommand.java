package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code alter8 processors …}: the operators' routes of both services from the command line, with an admin token
 * signed by the stack's own key (as {@code alter8 token} makes): where every processing group stands, its dead
 * letters, and the blue/green rebuild of a read model, followed until it has switched.
 */
final class ProcessorsCommand {

    static final String USAGE = """
            Usage: alter8 processors <action> [arguments] [options]

              list                   every processing group of both services: state, position, head, lag,
                                     dead letters and segments (segment:position)
              dead-letters GROUP     the events GROUP's read model could not process, oldest first
              retry GROUP ID         process the aggregate of dead letter ID again, in order
              evict GROUP ID         drop dead letter ID for good
              rebuild GROUP          rebuild GROUP's read model blue/green and follow its progress until the copy
                                     has taken the old model's place (Ctrl-C stops following, not the rebuild)

            Options:
              --command-url URL  command side (default http://localhost:8080)
              --query-url URL    query side (default http://localhost:8081)
              --key-file FILE    the stack's private key (default .alter8-data/keys/jwt-private.pem)
              --hold             rebuild: stop at the head and switch only when asked
                                 (POST /api/admin/processing-groups/GROUP/rebuild/switch)
              --no-follow        rebuild: start it and return
              --timeout S        rebuild: how long to follow (default 3600)
            """;

    private static final String GROUPS = "/api/admin/processing-groups";
    private static final Set<String> ACTIONS = Set.of("list", "dead-letters", "retry", "evict", "rebuild");

    private final StackHttp http;
    private final String token;
    private final URI commandUrl;
    private final URI queryUrl;

    private ProcessorsCommand(Args args) {
        this.http = new StackHttp(args);
        this.token = http.token("admin");
        this.commandUrl = StackHttp.baseUri(args.string("--command-url", "http://localhost:8080"));
        this.queryUrl = StackHttp.baseUri(args.string("--query-url", "http://localhost:8081"));
    }

    static int run(List<String> arguments) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < arguments.size() && !arguments.get(i).startsWith("-")) {
            words.add(arguments.get(i++));
        }
        Args args = Args.parse(arguments.subList(i, arguments.size()),
                               Set.of("--command-url", "--query-url", "--key-file", "--timeout"),
                               Set.of("--hold", "--no-follow"));
        if (words.isEmpty() || !ACTIONS.contains(words.get(0))) {
            throw new UsageException(words.isEmpty() ? "name an action" : "unknown action '" + words.get(0) + "'");
        }
        String action = words.get(0);
        int wanted = switch (action) {
            case "list" -> 1;
            case "retry", "evict" -> 3;
            default -> 2;
        };
        if (words.size() != wanted) {
            throw new UsageException(action + " takes " + (wanted - 1) + " argument(s)");
        }
        try {
            ProcessorsCommand command = new ProcessorsCommand(args);
            return switch (action) {
                case "list" -> command.list();
                case "dead-letters" -> command.deadLetters(words.get(1));
                case "retry" -> command.retry(words.get(1), words.get(2));
                case "evict" -> command.evict(words.get(1), words.get(2));
                default -> command.rebuild(words.get(1), args.has("--hold"), !args.has("--no-follow"),
                                           Duration.ofSeconds(args.integer("--timeout", 3600, 1, 86_400)));
            };
        } catch (BenchException e) {
            Console.error("alter8 processors {}: {}", action, e.getMessage());
            return 1;
        }
    }

    private int list() {
        Console.say("{}", String.format("%-8s %-24s %-13s %10s %10s %8s %8s  %s", "side", "group", "state",
                                        "position", "head", "lag", "letters", "segments"));
        print("command", http.getJson(commandUrl.resolve(GROUPS), token));
        print("query", http.getJson(queryUrl.resolve(GROUPS), token));
        return 0;
    }

    private static void print(String side, JsonNode groups) {
        for (JsonNode g : groups) {
            String segments = g.path("segments").valueStream()
                               .map(s -> s.path("segment").asInt() + ":" + s.path("position").asLong()
                                       + (s.path("error").asBoolean() ? "!" : ""))
                               .collect(Collectors.joining(" "));
            Console.say("{}", String.format("%-8s %-24s %-13s %10d %10d %8d %8s  %s", side, g.path("name").asString(),
                                            g.path("state").asString(), g.path("position").asLong(),
                                            g.path("head").asLong(), g.path("lag").asLong(),
                                            g.has("deadLetters") ? Long.toString(g.path("deadLetters").asLong()) : "-",
                                            segments));
        }
    }

    private int deadLetters(String group) {
        JsonNode page = http.getJson(queryUrl.resolve(letters(group) + "?size=100"), token);
        for (JsonNode l : page.path("items")) {
            Console.say("{}  {} {} #{} of {}  {}: {}", l.path("id").asString(), l.path("enqueuedAt").asString(),
                        l.path("eventType").asString(), l.path("aggregateSequence").asLong(),
                        l.path("sequence").asString(), l.path("causeType").asString(),
                        l.path("causeMessage").asString());
        }
        Console.say("{} dead letter(s) in {}", page.path("total").asLong(), group);
        return 0;
    }

    private int retry(String group, String id) {
        JsonNode result = expect(http.post(queryUrl.resolve(letters(group) + "/" + encode(id) + "/retry"), token,
                                           ""), 200);
        Console.say("{}; {} dead letter(s) left in {}", result.path("processed").asBoolean()
                            ? "retried" : "another retry holds that sequence, try again", result.path("remaining")
                            .asLong(), group);
        return 0;
    }

    private int evict(String group, String id) {
        expect(http.send(HttpRequest.newBuilder(queryUrl.resolve(letters(group) + "/" + encode(id)))
                                    .timeout(Duration.ofSeconds(30)).DELETE()
                                    .header("Authorization", "Bearer " + token).build()), 204);
        Console.say("evicted {} from {}", id, group);
        return 0;
    }

    private int rebuild(String group, boolean hold, boolean follow, Duration timeout) {
        String path = GROUPS + "/" + encode(group) + "/rebuild";
        JsonNode progress = expect(http.post(queryUrl.resolve(path + (hold ? "?hold=true" : "")), token, ""), 202);
        Console.say("rebuilding {} blue/green: the old read model answers until the copy has caught up", group);
        Instant deadline = Instant.now().plus(timeout);
        while (follow && Instant.now().isBefore(deadline)) {
            progress = http.getJson(queryUrl.resolve(path), token);
            String state = progress.path("state").asString();
            Console.say("{}: {} of {} events, {}/s, {} left{}", state, progress.path("eventsDone").asLong(),
                        progress.path("eventsTotal").asLong(), progress.path("eventsPerSecond").asDouble(),
                        progress.path("secondsLeft").isNumber() ? progress.path("secondsLeft").asLong() + " s" : "?",
                        progress.path("deadLetters").asLong() > 0
                                ? ", " + progress.path("deadLetters").asLong() + " dead letter(s)" : "");
            if (!state.equals("filling") && !state.equals("indexing") && !state.equals("switching")) {
                break;
            }
            sleep();
        }
        String state = progress.path("state").asString();
        if (state.equals("failed") || state.equals("cancelled")) {
            Console.error("the rebuild of {} is {}: {}", group, state, progress.path("error").asString());
            return 1;
        }
        if (state.equals("ready")) {
            Console.say("the copy has caught up; switch it with POST {}{}/switch", queryUrl, path);
        }
        return 0;
    }

    private static JsonNode expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new BenchException(answer.request().method() + " " + answer.request().uri() + " answered "
                                             + answer.statusCode() + " " + StackHttp.abbreviate(answer.body()));
        }
        return answer.body().isEmpty() ? StackHttp.JSON.nullNode() : StackHttp.JSON.readTree(answer.body());
    }

    private static String letters(String group) {
        return GROUPS + "/" + encode(group) + "/dead-letters";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The pace of an operator watching a progress line, not a measurement. */
    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }
}
