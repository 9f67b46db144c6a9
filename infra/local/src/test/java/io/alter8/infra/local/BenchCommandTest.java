package io.alter8.infra.local;

import io.alter8.infra.stack.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = IntStream.rangeClosed(1, 100).asLongStream().toArray();

        assertThat(BenchCommand.percentile(sorted, 50)).isEqualTo(50);
        assertThat(BenchCommand.percentile(sorted, 99)).isEqualTo(99);
        assertThat(BenchCommand.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(BenchCommand.percentile(new long[0], 50)).isZero();
    }

    @Test
    void anOpenLoopRunIsGivenAsSecondsOrMinutes() {
        assertThat(BenchCommand.seconds("60s")).isEqualTo(60);
        assertThat(BenchCommand.seconds("2m")).isEqualTo(120);
        assertThat(BenchCommand.seconds(" 45 ")).isEqualTo(45);
        assertThatThrownBy(() -> BenchCommand.seconds("0s")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> BenchCommand.seconds("1h")).isInstanceOf(UsageException.class)
                                                            .hasMessageContaining("--duration");
    }

    @Test
    void anOpenLoopRunSpacesItsCommandsEvenly() {
        assertThat(BenchCommand.dueNanos(0, 300)).isZero();
        assertThat(BenchCommand.dueNanos(300, 300)).isEqualTo(1_000_000_000L);
        assertThat(BenchCommand.dueNanos(18_000, 300)).isEqualTo(60_000_000_000L);
        assertThat(BenchCommand.dueNanos(1, 3)).isEqualTo(333_333_333L);
    }

    @Test
    void thePositionIsReadFromACommandsAnswer() {
        assertThat(BenchCommand.position("{\"id\":\"a\",\"version\":0,\"position\":12345}")).isEqualTo(12345);
        assertThat(BenchCommand.position("{\"position\": 7, \"id\":\"a\"}")).isEqualTo(7);
        assertThat(BenchCommand.position("{\"id\":\"a\",\"position\":null}")).isEqualTo(-1);
        assertThat(BenchCommand.position("{\"id\":\"a\"}")).isEqualTo(-1);
    }

    @Test
    void cpuIsGivenPerProcessPerCommandWithTheClientsShare() {
        Map<String, Object> cpu = BenchCommand.cpuFigures(Map.of("commandSide", 10.0, "client", 1.0),
                                                          Map.of("commandSide", 16.0, "client", 3.0, "gone", 1.0),
                                                          4.0, 2_000);

        assertThat(cpu.get("commandSide")).isEqualTo(Map.of("seconds", 6.0, "cores", 1.5, "msPerCommand", 3.0));
        assertThat(cpu.get("client")).isEqualTo(Map.of("seconds", 2.0, "cores", 0.5, "msPerCommand", 1.0));
        assertThat(cpu).doesNotContainKey("gone").containsEntry("clientShare", 0.25);
    }

    @Test
    void theCpuBudgetIsTheMachinesCpuSharedAmongTheRawCommitsBesideWhatTheCommandsTook() {
        Map<String, Object> cpu = BenchCommand.cpuFigures(Map.of("commandSide", 10.0, "postgres", 4.0),
                                                          Map.of("commandSide", 16.0, "postgres", 8.0), 4.0, 2_000);

        // 2 CPUs and 10,000 commits/s: 0.2 ms a commit; the commands took 3 + 2 ms.
        assertThat(BenchCommand.cpuBudget(2, 10_000.0, cpu)).isEqualTo(
                Map.of("msPerCommandAtRawCommitRate", 0.2, "msPerCommand", 5.0, "times", 25.0));
        assertThat(BenchCommand.cpuBudget(2, null, cpu)).as("no raw commit rate measured").isNull();
        assertThat(BenchCommand.cpuBudget(2, 10_000.0, Map.of("wallSeconds", 4.0))).as("no CPU figures").isNull();
    }

    @Test
    void aReplaysCpuIsGivenPerEvent() {
        Map<String, Object> cpu = BenchCommand.cpuFigures(Map.of("querySide", 1.0), Map.of("querySide", 3.0), 2.0,
                                                          1_000, "msPerEvent");

        assertThat(cpu.get("querySide")).isEqualTo(Map.of("seconds", 2.0, "cores", 1.0, "msPerEvent", 2.0));
    }

    @Test
    void theLagSamplersCpuIsGivenWithItsShareOfItsProcess() {
        // The query side's streaming thread started during the run: it had used nothing before.
        Map<String, Object> sampler = BenchCommand.threadFigures(Map.of("client", 0.5),
                                                                  Map.of("querySide", 0.2, "client", 0.6),
                                                                  Map.of("querySide", 10.0, "client", 1.0),
                                                                  Map.of("querySide", 20.0, "client", 3.0));

        assertThat(sampler.get("querySide")).isEqualTo(Map.of("seconds", 0.2, "share", 0.02));
        assertThat(sampler.get("client")).isEqualTo(Map.of("seconds", 0.1, "share", 0.05));
    }

    @Test
    void aServiceWhoseCompilersTookMoreThanATenthOfItsCpuIsNotWarmYet() {
        Map<String, Object> jit = BenchCommand.threadFigures(Map.of("commandSide", 1.0, "querySide", 1.0),
                                                              Map.of("commandSide", 4.0, "querySide", 1.5),
                                                              Map.of("commandSide", 10.0, "querySide", 10.0),
                                                              Map.of("commandSide", 30.0, "querySide", 30.0));

        assertThat(BenchCommand.stillCompiling(jit)).containsExactly("commandSide");
        assertThat(BenchCommand.stillCompiling(Map.of("querySide", Map.of("seconds", 0.0)))).isEmpty();
    }

    @Test
    void lagsWithoutAPositionReachedAreCountedApart() {
        Map<String, Object> lag = BenchCommand.lagFigures(new long[] {3_000_000, -1, 1_000_000, 2_000_000});

        assertThat(lag).containsEntry("p50", 2.0).containsEntry("max", 3.0).containsEntry("unmeasured", 1);
    }

    @Test
    void aTraceHasALinePerAnsweredCommandOnTheWallClock() {
        BenchCommand.Load load = new BenchCommand.Load(3, 1, List.of("500"), new long[] {4_000_000, 0, 2_500_000},
                                                       1, 9_000_000_000L, 42,
                                                       new long[] {8_000_000_000L, 0, 9_000_000_000L},
                                                       new long[] {41, -1, 42});

        List<String> lines = BenchCommand.traceLines(load, new long[] {7_000_000, -1, -1},
                                                     Instant.parse("2026-12-07T10:00:10Z"), 10_000_000_000L);

        assertThat(lines).containsExactly("answered_utc,latency_ms,lag_ms,position",
                                          "2026-12-07T10:00:08Z,4.0,7.0,41",
                                          "2026-12-07T10:00:09Z,2.5,,42");
    }

    @Test
    void streamLengthsAreAListOfPositiveWholeNumbers() {
        assertThat(BenchCommand.streamLengths("10, 10000")).containsExactly(10, 10_000);
        assertThat(BenchCommand.streamLengths("")).isEmpty();
        assertThatThrownBy(() -> BenchCommand.streamLengths("10,0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> BenchCommand.streamLengths("ten")).isInstanceOf(UsageException.class);
    }

    @Test
    void sampleBodiesVaryAndKeepToTheCommandsRules() {
        SampleProperties samples = new SampleProperties();
        Set<String> cities = IntStream.range(0, 200)
                                      .mapToObj(n -> ApiClient.json().readTree(samples.registerBody(8, n)))
                                      .peek(BenchCommandTest::assertValid)
                                      .map(body -> body.path("location").path("address").path("city").asString())
                                      .collect(Collectors.toSet());

        assertThat(cities).hasSizeGreaterThan(5);
        assertThat(samples.registerBody(8, 42)).isEqualTo(samples.registerBody(8, 42));
    }

    private static void assertValid(JsonNode body) {
        JsonNode specs = body.path("specs");
        int bedrooms = specs.path("bedrooms").asInt();
        assertThat(bedrooms).isBetween(1, 6);
        BigDecimal bathrooms = new BigDecimal(specs.path("bathrooms").asString());
        assertThat(bathrooms.remainder(new BigDecimal("0.5"))).isZero();
        assertThat(bathrooms).isBetween(BigDecimal.ONE, BigDecimal.valueOf(bedrooms + 1));
        JsonNode rent = body.path("terms").path("monthlyRent");
        assertThat(new BigDecimal(rent.path("amount").asString()).scale()).isEqualTo(2);
        JsonNode address = body.path("location").path("address");
        String country = address.path("country").asString();
        assertThat(rent.path("currency").asString()).isEqualTo(country.equals("IN") ? "INR" : "USD");
        assertThat(address.path("postalCode").asString()).matches(country.equals("IN") ? "[1-9][0-9]{5}" : "[0-9]{5}");
        assertThat(body.path("location").path("areaName").asString()).isNotBlank();
        BigDecimal deposit = new BigDecimal(body.path("terms").path("securityDeposit").path("amount").asString());
        assertThat(deposit).isLessThanOrEqualTo(new BigDecimal(rent.path("amount").asString()).multiply(BigDecimal.TEN));
        boolean building = body.path("propertyType").asString().equals("multi_family");
        assertThat(body.has("units")).isEqualTo(building);
    }
}
