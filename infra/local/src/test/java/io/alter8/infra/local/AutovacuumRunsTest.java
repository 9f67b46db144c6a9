package io.alter8.infra.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AutovacuumRunsTest {

    @Test
    void theRunsBetweenTwoReadingsNameOnlyTheTablesAutovacuumWorkedOn() {
        AutovacuumRuns.Counts before = new AutovacuumRuns.Counts(
                Map.of("query_side.property_listing", 3L, "command_side.domain_event_entry", 2L),
                Map.of("query_side.property_listing", 1L, "command_side.domain_event_entry", 1L));
        AutovacuumRuns.Counts after = new AutovacuumRuns.Counts(
                Map.of("query_side.property_listing", 4L, "command_side.domain_event_entry", 2L,
                       "query_side.property_unit", 1L),
                Map.of("query_side.property_listing", 1L, "command_side.domain_event_entry", 3L));

        Map<String, Map<String, Long>> runs = AutovacuumRuns.between(before, after);

        assertThat(runs).containsExactly(
                Map.entry("analyses", Map.of("query_side.property_listing", 1L, "query_side.property_unit", 1L)),
                Map.entry("vacuums", Map.of("command_side.domain_event_entry", 2L)));
        assertThat(AutovacuumRuns.describe(runs))
                .isEqualTo("2 analyses (query_side.property_listing, query_side.property_unit), "
                                   + "2 vacuums (command_side.domain_event_entry)");
    }

    @Test
    void aRunWithoutAutovacuumSaysSo() {
        AutovacuumRuns.Counts same = new AutovacuumRuns.Counts(Map.of("query_side.property_listing", 3L),
                                                               Map.of("query_side.property_listing", 1L));

        Map<String, Map<String, Long>> runs = AutovacuumRuns.between(same, same);

        assertThat(runs).containsEntry("analyses", Map.of()).containsEntry("vacuums", Map.of());
        assertThat(AutovacuumRuns.describe(runs)).isEqualTo("none");
    }
}
