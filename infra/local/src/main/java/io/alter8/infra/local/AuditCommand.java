package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import io.alter8.infra.stack.DevKeys;
import io.alter8.merkle.CheckpointKeys;
import io.alter8.merkle.OfflineVerifier;
import io.alter8.merkle.OfflineVerifier.Report;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code alter8 audit verify FILE}: checks an export bundle or a proof from the audit routes with nothing but the file
 * and the platform's public key (docs/audit.md). {@code alter8 audit bench}: how long verification, proofs and the
 * export take on whatever a running stack holds.
 */
final class AuditCommand {

    static final String USAGE = """
            Usage: alter8 audit verify FILE [--public-key FILE] [--checkpoint FILE]
                   alter8 audit bench [--command-url URL] [--proofs N] [--key-file FILE]

            verify  checks FILE offline: an export bundle (GET /api/audit/export), an inclusion proof
                    (GET /api/audit/proofs/inclusion) or a consistency proof (GET /api/audit/proofs/consistency).
                    Exit status 0 when intact, 1 with the first break.
              --public-key FILE[,FILE...]  the platform's Ed25519 public keys, PEM or base64: after a key
                                 rotation give the retired ones too (a file may hold several PEM blocks); each
                                 checkpoint is checked with the key its keyId names (default the local stack's
                                 .alter8-data/keys/audit-public.pem and audit-retired-public.pem)
              --checkpoint FILE  a checkpoint you kept from before (GET /api/audit/checkpoints/latest): the file
                                 must agree with it, or history was rewritten since

            bench   measures a running stack (./alter8 run): verify of the whole log, inclusion proofs at random
                    positions, a consistency proof, and the NDJSON export.
              --command-url URL  command side (default http://localhost:8080)
              --proofs N         inclusion proofs to time (default 200)
              --key-file FILE    the stack's token key (default .alter8-data/keys/jwt-private.pem)
            """;

    private AuditCommand() {
    }

    static int run(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("audit needs verify or bench");
        }
        return switch (arguments.get(0)) {
            case "verify" -> verify(arguments.subList(1, arguments.size()));
            case "bench" -> bench(arguments.subList(1, arguments.size()));
            default -> throw new UsageException("unknown audit command '" + arguments.get(0) + "'");
        };
    }

    static int verify(List<String> arguments) {
        if (arguments.isEmpty() || arguments.get(0).startsWith("-")) {
            throw new UsageException("audit verify needs the FILE to check");
        }
        Path file = Path.of(arguments.get(0));
        Args args = Args.parse(arguments.subList(1, arguments.size()), Set.of("--public-key", "--checkpoint"),
                               Set.of());
        try {
            CheckpointKeys keys = keys(args.string("--public-key", null));
            Path keptFile = args.path("--checkpoint", null);
            Optional<String> kept = keptFile == null ? Optional.empty() : Optional.of(Files.readString(keptFile));
            Report report;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = OfflineVerifier.verify(in, keys, kept);
            }
            if (report.intact()) {
                Console.say("intact: {} of tree size {}, {} event(s) checked, signed by key {}", report.kind(),
                            report.treeSize(), report.eventsChecked(), report.signedBy());
                return 0;
            }
            Console.say("BROKEN: {} ({} event(s) checked before it): {}", report.kind(), report.eventsChecked(),
                        report.detail());
            return 1;
        } catch (IOException e) {
            Console.error("alter8: cannot read {}", e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            Console.error("alter8: {}", e.getMessage());
            return 2;
        }
    }

    /** The keys in the files named (comma-separated), or the local stack's active and retired ones. */
    private static CheckpointKeys keys(String files) throws IOException {
        List<Path> paths = new ArrayList<>();
        if (files == null) {
            Path dir = Alter8Cli.dataDir().resolve("keys");
            paths.add(dir.resolve(DevKeys.CHECKPOINT_PUBLIC_FILE));
            if (Files.isRegularFile(dir.resolve(DevKeys.CHECKPOINT_RETIRED_FILE))) {
                paths.add(dir.resolve(DevKeys.CHECKPOINT_RETIRED_FILE));
            }
        } else {
            for (String file : files.split(",")) {
                paths.add(Path.of(file.strip()));
            }
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path path : paths) {
            keys.addAll(CheckpointKeys.publicKeys(Files.readString(path)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no public key in " + paths);
        }
        return new CheckpointKeys(keys);
    }

    static int bench(List<String> arguments) {
        Args args = Args.parse(arguments, Set.of("--command-url", "--proofs", "--key-file"), Set.of());
        URI base = StackHttp.baseUri(args.string("--command-url", "http://localhost:8080"));
        int proofs = args.integer("--proofs", 200, 1, 100_000);
        try {
            StackHttp http = new StackHttp(args);
            String token = http.token("auditor");
            JsonNode first = checkpoint(http, base, token);
            long size = first.path("treeSize").asLong();
            Console.say("Audit bench on {} events in the log's tree", size);

            long start = System.nanoTime();
            StackHttp.Answer verify = http.measuredGet(base.resolve("/api/audit/verify"), token);
            double verifySeconds = seconds(start);
            JsonNode verified = StackHttp.JSON.readTree(verify.body());
            long checked = verified.path("eventsChecked").asLong();
            Console.say("verify      {} events in {} s ({} events/s): {}", checked, round(verifySeconds),
                        Math.round(checked / verifySeconds), verified.path("result").asString());

            List<Long> positions = positions(http, base, token, size, proofs);
            List<Double> millis = new ArrayList<>();
            for (long position : positions) {
                long t = System.nanoTime();
                StackHttp.Answer proof = http.measuredGet(base.resolve("/api/audit/proofs/inclusion?position="
                                                                               + position), token);
                if (proof.status() != 200) {
                    throw new BenchException("inclusion proof of " + position + " answered " + proof.status());
                }
                millis.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(millis);
            if (!millis.isEmpty()) {
                Console.say("inclusion   {} proofs: median {} ms, p95 {} ms", millis.size(),
                            round(millis.get(millis.size() / 2)), round(millis.get((int) (millis.size() * 0.95))));
            }
            // A consistency proof runs from a checkpoint the platform signed: the oldest of a tree with events in it.
            URI checkpoints = base.resolve("/api/audit/checkpoints?afterSize=0&size=1");
            JsonNode oldest = StackHttp.JSON.readTree(http.measuredGet(checkpoints, token).body())
                                            .path("items").path(0);
            long from = oldest.path("treeSize").asLong(size);
            long t = System.nanoTime();
            StackHttp.Answer consistency = http.measuredGet(base.resolve("/api/audit/proofs/consistency?from=" + from),
                                                            token);
            double consistencyMs = round((System.nanoTime() - t) / 1e6);
            if (consistency.status() != 200) {
                throw new BenchException("the consistency proof from " + from + " answered " + consistency.status());
            }
            Console.say("consistency from {} to the latest ({}): {} ms", from, size, consistencyMs);

            start = System.nanoTime();
            long[] lines = export(base.resolve("/api/audit/export"), token);
            double exportSeconds = seconds(start);
            Console.say("export      {} lines, {} MB in {} s ({} events/s)", lines[0], round(lines[1] / 1e6),
                        round(exportSeconds), Math.round(lines[0] / exportSeconds));
            Console.say("{}", StackHttp.JSON.writeValueAsString(java.util.Map.of(
                    "bench", "audit", "events", checked, "verifySeconds", round(verifySeconds),
                    "inclusionMedianMs", millis.isEmpty() ? 0 : round(millis.get(millis.size() / 2)),
                    "consistencyFrom", from, "consistencyMs", consistencyMs,
                    "exportSeconds", round(exportSeconds), "exportBytes", lines[1])));
            return 0;
        } catch (BenchException e) {
            Console.error("alter8: {}", e.getMessage());
            return 1;
        }
    }

    private static JsonNode checkpoint(StackHttp http, URI base, String token) {
        StackHttp.Answer answer = http.measured("POST", base.resolve("/api/audit/checkpoints"), token, "{}");
        if (answer.status() != 200) {
            throw new BenchException("a checkpoint was refused: " + answer.status() + " " + answer.body());
        }
        return StackHttp.JSON.readTree(answer.body());
    }

    /** Positions of events spread over the log, each the first after a random one. */
    private static List<Long> positions(StackHttp http, URI base, String token, long treeSize, int count) {
        // Positions are dense but for writes that rolled back: the tree's size is about the last one.
        long max = Math.max(1, treeSize);
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode page = http.getJson(base.resolve("/api/audit/events?size=1&afterPosition="
                                                              + ThreadLocalRandom.current().nextLong(max)), token);
            page.path("items").forEach(e -> positions.add(e.path("position").asLong()));
        }
        return positions;
    }

    /** Reads the export to its end; answers lines and bytes. */
    private static long[] export(URI uri, String token) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setReadTimeout(600_000);
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Accept", "application/x-ndjson");
            if (connection.getResponseCode() != 200) {
                throw new BenchException("the export answered " + connection.getResponseCode());
            }
            long lines = 0;
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = connection.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new long[] {lines, bytes};
        } catch (IOException e) {
            throw new BenchException("the export failed: " + e.getMessage());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
