package io.alter8.infra.local;

import io.alter8.infra.stack.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

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
