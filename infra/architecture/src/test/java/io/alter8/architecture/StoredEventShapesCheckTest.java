package io.alter8.architecture;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link StoredEventShapes} refuses: each way a stored revision's shape could change under its events. */
class StoredEventShapesCheckTest {

    record Rent(BigDecimal amount, String currency) {
    }

    record Agreed(UUID leaseId, Rent rent, List<UUID> tenants) {
    }

    record RenamedField(UUID leaseId, Rent monthlyRent, List<UUID> tenants) {
    }

    record FieldAtTheEnd(UUID leaseId, Rent rent, List<UUID> tenants, String note) {
    }

    record NestedChange(UUID leaseId, RentInPaise rent, List<UUID> tenants) {
    }

    record RentInPaise(long paise, String currency) {
    }

    record NestedFieldAtTheEnd(UUID leaseId, RentWithDueDay rent, List<UUID> tenants) {
    }

    record RentWithDueDay(BigDecimal amount, String currency, Integer dueDay) {
    }

    record NestedFieldInTheMiddle(UUID leaseId, RentWithTax rent, List<UUID> tenants) {
    }

    record RentWithTax(BigDecimal amount, BigDecimal tax, String currency) {
    }

    private static final String NAME = "io.alter8.api.lease.LeaseAgreed 1";
    private static final StoredEventShapes STORED = StoredEventShapes.parse("# a comment\n" + NAME + " "
            + StoredEventShapes.of(Agreed.class) + "\n");

    @Test
    void theShapeListsFieldsInOrderWithTheProjectsRecordsExpanded() {
        assertThat(StoredEventShapes.of(Agreed.class))
                .isEqualTo("{leaseId:UUID,rent:{amount:BigDecimal,currency:String},tenants:[UUID]}");
    }

    @Test
    void theSameShapePasses() {
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(Agreed.class)))).isEmpty();
    }

    @Test
    void aRenamedFieldOrAChangedNestedRecordNeedsANewRevisionAndAnUpcaster() {
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(RenamedField.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("raise its @Revision", "upcaster"));
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(NestedChange.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("raise its @Revision"));
    }

    @Test
    void aFieldAddedAtTheEndKeepsTheRevisionButIsWrittenDownWithATestOfTheOldForm() {
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(FieldAtTheEnd.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("gained fields at its end",
                                                                        "test reading the old stored form"));
    }

    @Test
    void aRecordInsideTheEventGainingFieldsAtItsEndKeepsTheRevisionToo() {
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(NestedFieldAtTheEnd.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("gained fields at its end"));
        assertThat(STORED.problems(Map.of(NAME, StoredEventShapes.of(NestedFieldInTheMiddle.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("raise its @Revision"));
    }

    @Test
    void anEventWithoutALineIsNamedWithTheLineToAdd() {
        assertThat(STORED.problems(Map.of("io.alter8.api.lease.LeaseEnded 1", StoredEventShapes.of(Agreed.class))))
                .singleElement().satisfies(p -> assertThat(p).contains("add the line 'io.alter8.api.lease.LeaseEnded 1 {"));
    }
}
