package io.alter8.query.property;

import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyView;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector's handlers on the real read database: the same events twice leave the same row. */
@QuerySideTest
class PropertyListingProjectorTest {

    @Autowired
    PropertyListingProjector projector;
    @Autowired
    PropertyListingRepository listings;
    @Autowired
    TransactionTemplate tx;

    private void applyAll(UUID id, Instant t0) {
        tx.executeWithoutResult(s -> {
            projector.on(TestEvents.registered(id, "Villa", "Goa", PropertyType.VILLA, 4, "90000"), 0, t0);
            projector.on(TestEvents.rentChanged(id, "90000", "95000"), 1, t0.plusSeconds(60));
            projector.on(TestEvents.rentChanged(id, "95000", "97000"), 2, t0.plusSeconds(120));
        });
    }

    private PropertyView row(UUID id) {
        return tx.execute(s -> listings.findById(id).orElseThrow().toView());
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameState() {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        applyAll(id, t0);
        PropertyView once = row(id);

        applyAll(id, t0);

        assertThat(row(id)).isEqualTo(once);
        assertThat(once.monthlyRent().amount()).isEqualByComparingTo("97000");
        assertThat(once.version()).isEqualTo(2);
        assertThat(once.updatedAt()).isEqualTo(t0.plusSeconds(120));
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        UUID id = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        applyAll(id, t0);

        tx.executeWithoutResult(s -> projector.on(TestEvents.rentChanged(id, "90000", "95000"), 1, t0));

        assertThat(row(id).monthlyRent().amount()).isEqualByComparingTo("97000");
    }
}
