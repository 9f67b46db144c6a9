package io.alter8.infra.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchHistoryTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachRunAppendsOneLineLedByItsCommit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench/results.jsonl");
        BenchHistory history = new BenchHistory(file, json);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commandsPerSecond", 512.5);
        figures.put("errorSamples", List.of("500 line one\nline two"));

        history.append("abc123", false, figures);
        history.append("def456", true, Map.of("commandsPerSecond", 600.0));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("commit").asString()).isEqualTo("abc123");
        assertThat(first.path("dirty").asBoolean()).isFalse();
        assertThat(first.path("commandsPerSecond").asDouble()).isEqualTo(512.5);
        assertThat(first.path("errorSamples").get(0).asString()).isEqualTo("500 line one\nline two");
        assertThat(json.readTree(lines.get(1)).path("dirty").asBoolean()).isTrue();
    }

    @Test
    void theCommitIsReadFromTheRepositoryOrSaidUnknown(@TempDir Path notARepository) {
        assertThat(BenchHistory.commit(notARepository)).isEqualTo("unknown");
    }
}
