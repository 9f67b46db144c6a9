package io.alter8.infra.local;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Part;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.DevKeys;
import io.alter8.infra.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built jars of both services, started by {@link LocalStack} on embedded stores, driven over HTTP as a client
 * would. One stack for the class: starting it is the slow part. The last test stops it and checks nothing is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static LocalStack stack;
    private static ApiClient commands;
    private static ApiClient queries;
    private static ApiClient ownerQueries;
    private static int postgresPort;
    private static int redisPort;
    private static int mongoPort;

    @BeforeAll
    static void startStack() throws IOException {
        Files.createDirectories(Path.of("target"));
        // Under target/ rather than /tmp: the services' logs are there to read when a test fails.
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-it-");
        postgresPort = EmbeddedStack.freePort();
        redisPort = EmbeddedStack.freePort();
        mongoPort = EmbeddedStack.freePort();
        LocalStack.Options options = LocalStack.Options.of(dataDir, jar("alter8.commandJar"), jar("alter8.queryJar"))
                                                       .withStorePorts(postgresPort, redisPort, mongoPort)
                                                       .withServicePorts(EmbeddedStack.freePort(),
                                                                         EmbeddedStack.freePort())
                                                       // A command side took 200 s to start at load 45.
                                                       .withReadyTimeout(Duration.ofSeconds(600));
        stack = LocalStack.start(options);
        // Tokens signed with the stack's own keys, which the stack handed to both services.
        UUID owner = UUID.randomUUID();
        commands = new ApiClient(stack.commandBaseUrl()).withToken(stack.token(owner, "owner"));
        // Drafts are the owner's to see; searches are a tenant's.
        ownerQueries = new ApiClient(stack.queryBaseUrl()).withToken(stack.token(owner, "owner"));
        queries = new ApiClient(stack.queryBaseUrl()).withToken(stack.token(UUID.randomUUID(), "tenant"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertThat(path).as("system property %s (set by failsafe)", property).isNotBlank();
        return Path.of(path);
    }

    /** An apartment in Indiranagar, Bangalore (master data). */
    static String property(String title, int bedrooms, String rent) {
        return """
                {"title": "%s", "description": "Sunny flat near the metro", "propertyType": "apartment",
                 "specs": {"bedrooms": %d, "bathrooms": 1.5, "carpetArea": 900},
                 "location": {"address": {"line1": "12 100 Feet Road", "city": "Bangalore", "state": "Karnataka",
                                          "postalCode": "560038", "country": "IN"},
                              "areaName": "Indiranagar", "coordinates": {"latitude": 12.9784, "longitude": 77.6408}},
                 "terms": {"monthlyRent": {"amount": "%s", "currency": "INR"}}}""".formatted(title, bedrooms, rent);
    }

    /** A rent no other test uses, so that searches by it see only this test's listings. */
    static String uniqueRent() {
        return (30_000 + ThreadLocalRandom.current().nextInt(70_000)) + ".00";
    }

    /** Activates, verifies (as an admin) and lists the property publicly; answers the last position. */
    static long publish(String id) {
        ApiClient admin = new ApiClient(stack.commandBaseUrl()).withToken(stack.token(UUID.randomUUID(), "admin"));
        assertThat(commands.put("/api/properties/" + id + "/status", "{\"status\": \"active\"}").status())
                .isEqualTo(200);
        assertThat(admin.put("/api/properties/" + id + "/verification", "{\"status\": \"verified\"}").status())
                .isEqualTo(200);
        Response listed = commands.put("/api/properties/" + id + "/listing-status", "{\"status\": \"public\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().path("position").asLong();
    }

    static Response readAwaiting(String id, long position) {
        return ownerQueries.get("/api/properties/" + id, "X-Await-Position", Long.toString(position));
    }

    @Test
    @Order(1)
    void aRegisteredPropertyCanBeReadAtOnceFromTheQuerySide() {
        Response created = commands.post("/api/properties", property("2BHK in Indiranagar", 2, "25000.00"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        long position = created.json().path("position").asLong();
        assertThat(created.header("Location")).isEqualTo(stack.queryBaseUrl() + "/api/properties/" + id);

        long began = System.nanoTime();
        Response read = readAwaiting(id, position);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(Long.parseLong(read.header("X-Read-Position"))).isGreaterThanOrEqualTo(position);
        JsonNode view = read.json();
        assertThat(view.path("id").asString()).isEqualTo(id);
        assertThat(view.path("title").asString()).isEqualTo("2BHK in Indiranagar");
        assertThat(view.path("terms").path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(view.path("terms").path("monthlyRent").path("currency").asString()).isEqualTo("INR");
        assertThat(view.path("location").path("address").path("city").asString()).isEqualTo("Bangalore");
        assertThat(view.path("location").path("address").path("postalCode").asString()).isEqualTo("560038");
    }

    @Test
    @Order(2)
    void aRentChangeShowsOnTheQuerySideAndAStaleVersionIsRefused() {
        Response created = commands.post("/api/properties", property("1BHK in Indiranagar", 1, "25000.00"));
        String id = created.json().path("id").asString();

        // Version 1: the registration and its one unit.
        Response changed = commands.put("/api/properties/" + id + "/monthly-rent",
                                        "{\"amount\": \"26000\", \"currency\": \"INR\"}", "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long position = changed.json().path("position").asLong();

        Response read = readAwaiting(id, position);
        assertThat(read.status()).isEqualTo(200);
        // The rent and, following it, the rent of the apartment's one unit.
        assertThat(read.header("ETag")).isEqualTo("\"3\"");
        assertThat(read.json().path("terms").path("monthlyRent").path("amount").asString()).isEqualTo("26000.00");

        Response stale = commands.put("/api/properties/" + id + "/monthly-rent",
                                      "{\"amount\": \"27000\", \"currency\": \"INR\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(stale.json().path("status").asInt()).isEqualTo(412);
    }

    @Test
    @Order(3)
    void searchFindsAPublicListingByCityRentAndBedrooms() {
        String rent = uniqueRent();
        Response created = commands.post("/api/properties", property("3BHK flat", 3, rent));
        String id = created.json().path("id").asString();
        assertThat(readAwaiting(id, publish(id)).status()).isEqualTo(200);
        String byRent = "/api/properties?city=Bangalore&minRent=" + rent + "&maxRent=" + rent;

        Response found = queries.get(byRent + "&minBedrooms=3");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        assertThat(found.json().path("items").get(0).path("id").asString()).isEqualTo(id);

        Response tooFewBedrooms = queries.get(byRent + "&minBedrooms=4");
        assertThat(tooFewBedrooms.json().path("total").asLong()).isZero();
    }

    @Test
    @Order(4)
    void anIdempotencyKeySurvivesARestartOfTheCommandSide() {
        String rent = uniqueRent();
        String body = property("Studio near the lake", 1, rent);
        String key = "it-" + UUID.randomUUID();
        Response first = commands.post("/api/properties", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        publish(first.json().path("id").asString());
        long pidBefore = stack.commandProcess().pid();

        stack.restartCommandSide();

        assertThat(stack.commandProcess().pid()).isNotEqualTo(pidBefore);
        Response again = commands.post("/api/properties", body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        // Had the replay stored a second registration, it would be in the list once a later event is projected.
        Response later = commands.post("/api/properties", property("Marker", 1, "9000.00"));
        String marker = later.json().path("id").asString();
        assertThat(readAwaiting(marker, publish(marker)).status()).isEqualTo(200);
        Response listed = queries.get("/api/properties?city=Bangalore&minRent=" + rent + "&maxRent=" + rent);
        assertThat(listed.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void awaitingAPositionBeyondTheHeadIsRefusedAtOnceNamingTheHeader() {
        Response response = queries.get("/api/properties/" + UUID.randomUUID(), "X-Await-Position",
                                        Long.toString(Long.MAX_VALUE / 2));

        // No event has that position yet, so there is nothing to wait for: a 400, not a 503 after five seconds.
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.badFields()).containsExactly("X-Await-Position");
    }

    @Test
    @Order(6)
    void bothServicesServeOpenApiAndSwaggerUi() {
        for (ApiClient service : List.of(commands, queries)) {
            Response docs = service.get("/v3/api-docs");
            assertThat(docs.status()).as(service.baseUrl()).isEqualTo(200);
            assertThat(docs.json().path("openapi").asString()).as(service.baseUrl()).isNotBlank();
            assertThat(docs.json().path("paths").has("/api/properties")).as(service.baseUrl()).isTrue();

            Response ui = service.get("/swagger-ui.html");
            assertThat(ui.status()).as(service.baseUrl()).isIn(200, 301, 302, 303, 307, 308);
        }
    }

    /** A small run of the harness, to keep it working; it also replays the listing, so it runs last but one. */
    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void theBenchmarkMeasuresTheRunningStack() throws IOException {
        StackHttp http = new StackHttp(Args.parse(
                List.of("--key-file", stack.options().dataDir().resolve("keys").resolve(DevKeys.PRIVATE_FILE).toString()),
                Set.of("--key-file"), Set.of()));
        Path results = stack.options().dataDir().resolve("results.jsonl");
        Path trace = stack.options().dataDir().resolve("trace.csv");
        BenchCommand bench = new BenchCommand(new BenchCommand.Settings(
                40, 2, 5, URI.create(stack.commandBaseUrl()), URI.create(stack.queryBaseUrl()), "property-listing",
                true, Duration.ofSeconds(60), List.of(stack.token(UUID.randomUUID(), "owner")),
                stack.token(UUID.randomUUID(), "admin"),
                new BenchCommand.Database("jdbc:postgresql://127.0.0.1:" + postgresPort + "/alter8", "postgres",
                                          "postgres"),
                redisPort, Duration.ofSeconds(1), 30, 5, List.of(), results, null, 0, false, false, false, trace),
                http);

        Map<String, Object> figures = bench.execute();

        assertThat((double) figures.get("rawCommitsPerSecond")).isPositive();
        assertThat((double) figures.get("ratioToRawCommits")).isPositive();
        assertThat((double) figures.get("cpuPaceMBps")).isPositive();
        // The web layer's own cost: the command side's liveness probe, each answered, with the CPU it took.
        Map<String, Object> bare = (Map<String, Object>) figures.get("bareRequests");
        assertThat(bare).containsEntry("requests", 30);
        assertThat((double) bare.get("perSecond")).isPositive();
        assertThat((Map<String, Object>) bare.get("cpu")).containsKeys("commandSide", "client");
        assertThat((Map<String, Object>) figures.get("cpuBudget")).containsKeys("msPerCommandAtRawCommitRate",
                                                                                 "msPerCommand", "times");
        // Read from the stack's PostgreSQL before and after the commands (40 commands rarely meet an autovacuum run).
        assertThat((Map<String, Object>) figures.get("autovacuumDuringCommands")).containsKeys("analyses", "vacuums");
        Map<String, Object> lag = (Map<String, Object>) figures.get("projectionLagMs");
        assertThat(lag).containsKeys("p50", "p99").containsEntry("unmeasured", 0);
        // PostgreSQL and the services are found by their ports and each used some CPU for the 40 commands.
        Map<String, Object> cpu = (Map<String, Object>) figures.get("cpu");
        assertThat(cpu).containsKeys("commandSide", "querySide", "postgres", "redis", "client", "clientShare");
        assertThat((double) ((Map<String, Object>) cpu.get("commandSide")).get("seconds")).isPositive();
        assertThat((double) ((Map<String, Object>) cpu.get("postgres")).get("seconds")).isPositive();
        assertThat(Files.readAllLines(results)).singleElement().asString().startsWith("{\"commit\":");
        // Every measured command has its line, with a lag, since every one was projected.
        assertThat(Files.readAllLines(trace)).hasSize(41)
                                             .element(1).asString().matches("20\\d\\d-.*Z,[0-9.]+,[0-9.]+,\\d+");
        assertThat(figures).containsEntry("commands", 40).containsEntry("errors", 0);
        assertThat((double) figures.get("commandsPerSecond")).isPositive();
        assertThat((Map<String, Object>) figures.get("latencyMs")).containsKeys("p50", "p90", "p99", "max");
        assertThat(figures.get("projectionLagSeconds")).isNotNull();
        Map<String, Object> rebuild = (Map<String, Object>) figures.get("rebuild");
        assertThat((long) rebuild.get("events")).isGreaterThanOrEqualTo(45);
        assertThat((double) rebuild.get("eventsPerSecond")).isPositive();
        // The replayed read model still answers with what was there before the reset: the listings the tests
        // before published (the benchmark's registrations stay drafts, which the search does not show).
        Response listed = queries.get("/api/properties?size=1");
        assertThat(listed.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    /**
     * Leases seeded through the lease routes, and the reconciliation of their ledgers with their events: every lease
     * agrees until a charge of one is changed in the read model behind the services' back.
     */
    @Test
    @Order(8)
    void seededLeasesLedgersAgreeWithTheirEventsUntilAChargeIsAlteredInTheReadModel() throws SQLException {
        Path dataDir = stack.options().dataDir();
        List<String> target = List.of("--command-url", stack.commandBaseUrl(), "--query-url", stack.queryBaseUrl(),
                                      "--key-file", dataDir.resolve("keys").resolve(DevKeys.PRIVATE_FILE).toString());
        List<String> seed = new ArrayList<>(List.of("--listings", "30", "--leases", "10", "--data-dir",
                                                    dataDir.toString()));
        seed.addAll(target);
        List<String> check = new ArrayList<>(List.of("ledgers"));
        check.addAll(target);

        assertThat(SeedCommand.run(seed)).isZero();
        ApiClient admin = new ApiClient(stack.queryBaseUrl()).withToken(stack.token(UUID.randomUUID(), "admin"));
        // One in ten leases ends today; the others are in force.
        assertThat(admin.get("/api/leases?status=active").json().path("total").asLong()).isEqualTo(9);
        assertThat(admin.get("/api/leases?status=terminated").json().path("total").asLong()).isEqualTo(1);
        assertThat(CheckCommand.ledgers(check)).isEmpty();

        UUID altered;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/alter8",
                                                         "postgres", "postgres");
             var statement = db.createStatement();
             ResultSet row = statement.executeQuery("""
                     UPDATE query_side.rent_charge SET amount_paid = amount_paid + 1
                     WHERE (lease_id, charge_number) = (SELECT lease_id, charge_number FROM query_side.rent_charge
                                                        WHERE NOT cancelled ORDER BY lease_id LIMIT 1)
                     RETURNING lease_id""")) {
            assertThat(row.next()).isTrue();
            altered = row.getObject(1, UUID.class);
        }

        Map<UUID, List<String>> differing = CheckCommand.ledgers(check);
        assertThat(differing).containsOnlyKeys(altered);
        assertThat(differing.get(altered)).singleElement().asString().startsWith("credit ");
        assertThat(CheckCommand.run(check)).isEqualTo(1);
    }

    /**
     * The owner uploads a PDF of their property whose text holds a word that is nowhere in the form (title,
     * description, tags, file name): the query side finds it by that word once the upload is projected, and finds
     * nothing by a word the PDF lacks.
     */
    @Test
    @Order(9)
    void aWordOnlyInsideAnUploadedPdfFindsTheDocument() {
        // An owner of their own: the tests before used up the first owner's plan of properties.
        UUID owner = UUID.randomUUID();
        ApiClient writer = new ApiClient(stack.commandBaseUrl()).withToken(stack.token(owner, "owner"));
        ApiClient reader = new ApiClient(stack.queryBaseUrl()).withToken(stack.token(owner, "owner"));
        Response created = writer.post("/api/properties", property("2BHK with papers", 2, uniqueRent()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String property = created.json().path("id").asString();
        byte[] pdf = onePagePdf("Annexure to the sale deed: the zanzibarquill clause applies");
        Response uploaded = writer.postMultipart("/api/documents", List.of(
                Part.field("entityType", "property"), Part.field("entityId", property),
                Part.field("documentType", "property_papers"), Part.field("title", "Sale deed"),
                Part.field("description", "Registered sale deed"), Part.field("tags", "deed"),
                Part.file("file", "papers.pdf", "application/pdf", pdf)));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().path("id").asString();

        await("the upload projected and found by its PDF's word").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(documentIds(reader, "zanzibarquill")).containsExactly(id));
        // Any case, as a person types it.
        assertThat(documentIds(reader, "ZanzibarQuill")).containsExactly(id);
        assertThat(documentIds(reader, "marmaladequill")).isEmpty();
    }

    private static List<String> documentIds(ApiClient reader, String word) {
        Response found = reader.get("/api/documents?q=" + word);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /**
     * A one-page PDF with one line of {@code text} in Helvetica, written out by hand (this module has no PDF
     * library): a catalog, its page tree, the page, the font and the content stream, with the cross-reference table
     * of their byte offsets that a reader (Tika through PDFBox) needs to find them.
     */
    static byte[] onePagePdf(String text) {
        String content = "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
           .append(xref).append("\n%%EOF\n");
        // ASCII throughout, so characters and bytes count alike.
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closingStopsEveryProcessAndFreesEveryPort() {
        List<ProcessHandle> processes = new ArrayList<>();
        for (ProcessHandle service : List.of(stack.commandProcess(), stack.queryProcess())) {
            processes.add(service);
            service.descendants().forEach(processes::add);
        }
        Map<String, Integer> ports = Map.of("postgres", postgresPort, "redis", redisPort, "mongo", mongoPort,
                                            "command side", stack.options().commandPort(),
                                            "query side", stack.options().queryPort());

        stack.close();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        // Redis runs as a child of this JVM; PostgreSQL is checked by its port.
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                                .map(p -> p.info().commandLine().orElse(Long.toString(p.pid()))))
                .isEmpty();
        ports.forEach((store, port) -> await(store + " port " + port + " free")
                .atMost(Duration.ofSeconds(10))
                .until(() -> canBind(port)));
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
