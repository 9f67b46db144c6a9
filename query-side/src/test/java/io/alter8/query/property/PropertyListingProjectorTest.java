package io.alter8.query.property;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.property.AmenitiesChanged;
import io.alter8.api.property.HudApproval;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.RentalTermsChanged;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.property.UnitRevised;
import io.alter8.api.property.UnitSpec;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector's handlers on the real read database: the same events twice leave the same rows. */
@QuerySideTest
class PropertyListingProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    PropertyListingProjector projector;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    /** Applies the events with sequence numbers from {@code first}, one minute apart, in one transaction. */
    void apply(long first, Object... events) {
        tx.executeWithoutResult(s -> {
            long sequence = first;
            for (Object event : events) {
                try {
                    // Media events carry their own times: their handlers take the sequence number only.
                    Method handler = Arrays.stream(PropertyListingProjector.class.getDeclaredMethods())
                                           .filter(m -> m.getName().equals("on")
                                                   && m.getParameterTypes()[0] == event.getClass())
                                           .findFirst().orElseThrow();
                    if (handler.getParameterCount() == 2) {
                        handler.invoke(projector, event, sequence);
                    } else {
                        handler.invoke(projector, event, sequence, T0.plusSeconds(60 * sequence));
                    }
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                sequence++;
            }
        });
    }

    /** Every row the property has in the four tables. */
    List<Map<String, Object>> rows(UUID id) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM property_listing WHERE id = ?", id));
        rows.addAll(jdbc.queryForList("SELECT * FROM property_unit WHERE property_id = ? ORDER BY id", id));
        rows.addAll(jdbc.queryForList("SELECT * FROM property_review WHERE property_id = ? ORDER BY reviewer_id", id));
        rows.addAll(jdbc.queryForList("SELECT * FROM property_listing_media WHERE property_id = ? ORDER BY media_id",
                                      id));
        // Arrays compare by identity: compare their text.
        rows.replaceAll(row -> {
            Map<String, Object> copy = new java.util.TreeMap<>();
            row.forEach((k, v) -> copy.put(k, v instanceof java.sql.Array a ? a.toString() : String.valueOf(v)));
            return copy;
        });
        return rows;
    }

    Map<String, Object> listing(UUID id) {
        return jdbc.queryForMap("SELECT * FROM property_listing WHERE id = ?", id);
    }

    /** Every kind of property event, in an order the aggregate could emit. */
    List<Object> history(TestEvents.Listing p, UUID secondUnit, UUID reviewer) {
        PropertyId id = p.propertyId();
        UUID lease = UUID.randomUUID();
        List<Object> events = new ArrayList<>(p.publishing());
        events.add(p.unitAdded(secondUnit, "2"));
        events.add(p.rentChanged("26000"));
        events.add(new RentalTermsChanged(id, new RentalTerms(Money.of("27000", "INR"), Money.of("54000", "INR"),
                                                              Money.of("1500", "INR"), null,
                                                              LocalDate.parse("2026-12-01"), 11)));
        events.add(new AmenitiesChanged(id, List.of(new PropertyAmenity("gym", "On the roof", true, null),
                                                    new PropertyAmenity("swimming_pool", "Closed", false, null))));
        events.add(p.title("3BHK with a view").area("Indiranagar").revised());
        events.add(new UnitRevised(id, new UnitId(secondUnit), new UnitSpec("2A", 1, BigDecimal.ONE, null,
                                                                            Money.of("12000", "INR"), Map.of(),
                                                                            List.of())));
        events.add(p.occupied(p.unitId, lease));
        events.add(p.reviewed(reviewer, 2, "Noisy"));
        events.add(p.reviewed(reviewer, 4, "Quieter now"));
        events.add(p.reviewed(UUID.randomUUID(), 5, "Lovely"));
        events.add(new ListingAgentChanged(id, null, UserId.random(), new UserId(p.owner)));
        events.add(new PropertyManagerChanged(id, null, UserId.random(), new UserId(p.owner)));
        events.add(new HudApprovalRecorded(id, new HudApproval(true, LocalDate.parse("2026-10-01"), "section_8"),
                                           UserId.random()));
        events.add(p.vacated(p.unitId, lease));
        events.add(new UnitRemoved(id, new UnitId(secondUnit), "2A"));
        events.add(p.listing(ListingStatus.PUBLIC, ListingStatus.FEATURED));
        return events;
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameState() throws Exception {
        TestEvents.Listing p = new TestEvents.Listing();
        Object[] events = history(p, UUID.randomUUID(), UUID.randomUUID()).toArray();
        apply(0, events);
        List<Map<String, Object>> once = rows(p.id);

        apply(0, events);

        assertThat(rows(p.id)).isEqualTo(once);
        Map<String, Object> row = listing(p.id);
        assertThat(row.get("title")).isEqualTo("3BHK with a view");
        assertThat(row.get("area_name")).isEqualTo("Indiranagar");
        assertThat((BigDecimal) row.get("monthly_rent")).isEqualByComparingTo("27000");
        assertThat(jdbc.queryForObject("SELECT array_to_string(amenity_codes, ',') FROM property_listing WHERE id = ?",
                                       String.class, p.id)).isEqualTo("gym");
        assertThat(row.get("listing_status")).isEqualTo("featured");
        assertThat(row.get("status")).isEqualTo("active");
        assertThat(row.get("verification_status")).isEqualTo("verified");
        assertThat(row.get("hud_approved")).isEqualTo(true);
        assertThat(row.get("total_units")).isEqualTo(1);
        assertThat(row.get("available_units")).isEqualTo(1);
        assertThat(row.get("searchable")).isEqualTo(true);
        // The reviewer's second review replaced the first: (4 + 5) / 2.
        assertThat(row.get("review_count")).isEqualTo(2);
        assertThat((BigDecimal) row.get("rating_avg")).isEqualByComparingTo("4.5");
        assertThat(row.get("version")).isEqualTo((long) events.length - 1);
        assertThat(row.get("published_at")).isNotNull();
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        TestEvents.Listing p = new TestEvents.Listing();
        apply(0, p.publishing().toArray());
        apply(5, p.rentChanged("30000"), p.rentChanged("31000"));

        apply(5, new TestEvents.Listing(p.id).rentChanged("30000"));

        assertThat((BigDecimal) listing(p.id).get("monthly_rent")).isEqualByComparingTo("31000");
        assertThat(listing(p.id).get("version")).isEqualTo(6L);
    }

    @Test
    void aRemovedUnitDoesNotComeBackWhenItsAdditionIsRedelivered() {
        TestEvents.Listing p = new TestEvents.Listing();
        UUID second = UUID.randomUUID();
        apply(0, p.publishing().toArray());
        apply(5, p.unitAdded(second, "2"), new UnitRemoved(p.propertyId(), new UnitId(second), "2"));

        apply(5, p.unitAdded(second, "2"));

        assertThat(jdbc.queryForObject("SELECT removed FROM property_unit WHERE id = ?", Boolean.class, second))
                .isTrue();
        assertThat(listing(p.id).get("total_units")).isEqualTo(1);
    }

    @Test
    void aListingWhoseLastUnitIsOccupiedLeavesTheSearchAndComesBackWhenVacated() {
        TestEvents.Listing p = new TestEvents.Listing();
        UUID lease = UUID.randomUUID();
        apply(0, p.publishing().toArray());
        assertThat(listing(p.id).get("searchable")).isEqualTo(true);

        apply(5, p.occupied(p.unitId, lease), p.status(PropertyStatus.ACTIVE, PropertyStatus.RENTED));
        assertThat(listing(p.id)).containsEntry("available_units", 0).containsEntry("searchable", false);

        apply(7, p.vacated(p.unitId, lease), p.status(PropertyStatus.RENTED, PropertyStatus.ACTIVE));
        assertThat(listing(p.id)).containsEntry("available_units", 1).containsEntry("searchable", true);
    }

    @Test
    void theListingShowsItsPublicPrimaryImageAndCountsItsPublicMediaWhateverTimesTheEventsCome() {
        TestEvents.Listing p = new TestEvents.Listing();
        MediaId hall = MediaId.random();
        MediaId bedroom = MediaId.random();
        MediaId plan = MediaId.random();
        MediaId walk = MediaId.random();
        apply(0, p.publishing().toArray());
        Object[] media = {
                p.mediaUploaded(hall, MediaKind.IMAGE, MediaVisibility.PUBLIC, true, 1),
                p.mediaUploaded(bedroom, MediaKind.IMAGE, MediaVisibility.PUBLIC, false, 2),
                p.mediaUploaded(plan, MediaKind.FLOOR_PLAN, MediaVisibility.PRIVATE, false, 3),
                p.mediaUploaded(walk, MediaKind.VIDEO, MediaVisibility.AGENT_ONLY, false, 4),
                p.primaryChosen(bedroom, hall),
                p.mediaVisibility(hall, MediaVisibility.PRIVATE),
                p.mediaVisibility(walk, MediaVisibility.PUBLIC)};
        apply(0, media);
        List<Map<String, Object>> once = rows(p.id);

        apply(0, media);
        // A late upload of the first photo, flagged primary as it was then, does not take the primary flag back.
        apply(0, media[0]);

        assertThat(rows(p.id)).isEqualTo(once);
        // The bedroom photo is primary; the hall went private and the plan is private: two public media.
        assertThat(listing(p.id)).containsEntry("primary_media_id", bedroom.value()).containsEntry("media_count", 2);
        // The listing's own version is the property's, untouched by the gallery's sequence numbers.
        assertThat(listing(p.id).get("version")).isEqualTo((long) p.publishing().size() - 1);
    }

    @Test
    void aPrimaryMediumThatIsNotAPublicImageIsNotShown() {
        TestEvents.Listing p = new TestEvents.Listing();
        MediaId tour = MediaId.random();
        MediaId hidden = MediaId.random();
        apply(0, p.publishing().toArray());

        apply(0, p.mediaUploaded(tour, MediaKind.TOUR_360, MediaVisibility.PUBLIC, true, 1));
        assertThat(listing(p.id)).containsEntry("primary_media_id", null).containsEntry("media_count", 1);

        apply(1, p.mediaUploaded(hidden, MediaKind.IMAGE, MediaVisibility.PRIVATE, false, 2),
              p.primaryChosen(hidden, tour));
        assertThat(listing(p.id)).containsEntry("primary_media_id", null).containsEntry("media_count", 1);
    }
}
