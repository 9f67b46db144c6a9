package io.alter8.architecture;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link StoredEventTypes} refuses: each way an event stored today could stop being readable. */
class StoredEventTypesCheckTest {

    private static final StoredEventTypes STORED = StoredEventTypes.parse("""
            # a comment
            io.alter8.api.lease.LeaseSigned 1

            io.alter8.api.property.PropertyRegistered 1 2
            """);

    @Test
    void theCodeAsItIsListedWithItsUpcasterPasses() {
        assertThat(STORED.problems(Map.of("io.alter8.api.lease.LeaseSigned", "1",
                                          "io.alter8.api.property.PropertyRegistered", "2"),
                                   Set.of("io.alter8.api.property.PropertyRegistered"))).isEmpty();
    }

    @Test
    void aRenamedEventWithoutAnUpcasterFromItsOldNameFails() {
        assertThat(STORED.problems(Map.of("io.alter8.api.lease.LeaseContractSigned", "1",
                                          "io.alter8.api.property.PropertyRegistered", "2"),
                                   Set.of("io.alter8.api.property.PropertyRegistered")))
                .anySatisfy(p -> assertThat(p).startsWith("io.alter8.api.lease.LeaseSigned is stored but no longer")
                        .contains("upcaster"))
                .anySatisfy(p -> assertThat(p).contains("add the line 'io.alter8.api.lease.LeaseContractSigned 1'"));
    }

    @Test
    void aRenamedEventListedUnderBothNamesWithAnUpcasterFromTheOldPasses() {
        StoredEventTypes renamed = StoredEventTypes.parse("""
                io.alter8.api.lease.LeaseSigned 1
                io.alter8.api.lease.LeaseContractSigned 1
                """);

        assertThat(renamed.problems(Map.of("io.alter8.api.lease.LeaseContractSigned", "1"),
                                    Set.of("io.alter8.api.lease.LeaseSigned"))).isEmpty();
    }

    @Test
    void aNewRevisionNeedsAnUpcasterAndItsPlaceInTheList() {
        assertThat(STORED.problems(Map.of("io.alter8.api.lease.LeaseSigned", "2",
                                          "io.alter8.api.property.PropertyRegistered", "2"),
                                   Set.of("io.alter8.api.property.PropertyRegistered")))
                .singleElement().asString()
                .contains("LeaseSigned is revision 2 in the code but 1").contains("add an upcaster from 1");
    }

    @Test
    void anOldRevisionNobodyUpcastsAnyMoreFails() {
        assertThat(STORED.problems(Map.of("io.alter8.api.lease.LeaseSigned", "1",
                                          "io.alter8.api.property.PropertyRegistered", "2"), Set.of()))
                .singleElement().asString()
                .contains("PropertyRegistered was stored as revision [1] and no upcaster reads it");
    }

    @Test
    void aNameListedTwiceOrWithoutARevisionIsRefused() {
        assertThatThrownBy(() -> StoredEventTypes.parse("a.B 1\na.B 1\n")).hasMessageContaining("a.B is listed twice");
        assertThatThrownBy(() -> StoredEventTypes.parse("a.B\n")).hasMessageContaining("no revision");
    }
}
