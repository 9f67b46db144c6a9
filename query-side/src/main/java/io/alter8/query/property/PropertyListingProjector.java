package io.alter8.query.property;

import io.alter8.api.common.Money;
import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.PrimaryMediaChosen;
import io.alter8.api.common.UserId;
import io.alter8.api.property.AmenitiesChanged;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.ListingStatusChanged;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyDetailsRevised;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyReviewed;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyStatusChanged;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyVerificationChanged;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.RentalTermsChanged;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.property.UnitRevised;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.property.UnitVacated;
import io.alter8.query.jdbc.VersionedRows;
import io.alter8.query.processing.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps the property catalog: {@code property_listing}, its units ({@code property_unit}), reviews
 * ({@code property_review}) and the media it shows ({@code property_listing_media}). One processing group for the
 * four, because the listing row carries what is derived from the others (unit counts, availability, rating, primary
 * photo, media count), recomputed in the same transaction as they change: one replay rebuilds them together and they
 * never disagree.
 * <p>
 * Every write goes through {@link VersionedRows}, keyed and guarded by the aggregate's sequence number, so replays,
 * redeliveries and late arrivals leave the same state; derived values are recomputed from the rows, never
 * incremented. A removed unit stays as a marked row, so an older event cannot bring it back. After the transaction
 * commits, the cache entries the change made stale are evicted ({@link PropertyCache}): the property's own, and the
 * searches of its city (before and after) and those without a city, if it was or is in search results.
 */
@Component
@ProcessingGroup(PropertyListingProjector.PROCESSING_GROUP)
class PropertyListingProjector implements RebuildableReadModel {

    static final String PROCESSING_GROUP = "property-listing";

    private static final String UNIT_COUNT =
            "(SELECT count(*) FROM property_unit WHERE property_id = ? AND NOT removed)";
    private static final String VACANT_COUNT =
            "(SELECT count(*) FROM property_unit WHERE property_id = ? AND NOT removed AND NOT occupied)";
    private static final String RATING =
            "(SELECT coalesce(round(avg(rating), 2), 0) FROM property_review WHERE property_id = ?)";
    private static final String REVIEW_COUNT = "(SELECT count(*) FROM property_review WHERE property_id = ?)";
    /**
     * The listing's media columns, recomputed from its media rows: they are not versioned writes of the listing,
     * whose version is the property's, not the media aggregate's. Only a public image is shown as the primary photo,
     * and only public media are counted; deleted ones are neither.
     */
    private static final String MEDIA_SHOWN = "UPDATE property_listing SET primary_media_id = "
            + "(SELECT media_id FROM property_listing_media WHERE property_id = ? AND is_primary AND NOT removed "
            + "AND kind = '" + MediaKind.IMAGE.wire() + "' AND visibility = '" + MediaVisibility.PUBLIC.wire()
            + "' ORDER BY media_id LIMIT 1), "
            + "media_count = (SELECT count(*) FROM property_listing_media WHERE property_id = ? AND NOT removed "
            + "AND visibility = '" + MediaVisibility.PUBLIC.wire() + "') WHERE id = ?";

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;
    private final PropertyCache cache;

    PropertyListingProjector(VersionedRows rows, JdbcTemplate jdbc, PropertyCache cache) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventHandler
    void on(PropertyRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write row = rows.upsert("property_listing").key("id", id(event.propertyId()))
                .set("owner_id", event.ownerId().value())
                .set("registered_by", id(event.registeredBy()));
        description(row, event.title(), event.description(), event.propertyType(), event.specs(), event.location(),
                    event.preferences(), event.seo(), event.marketData());
        terms(row, event.terms());
        amenities(row, event.amenities())
                .set("status", PropertyStatus.DRAFT.wire())
                .set("listing_status", ListingStatus.PRIVATE.wire())
                .set("verification_status", PropertyVerificationStatus.PENDING.wire())
                .set("registered_at", utc(at))
                .set("updated_at", utc(at))
                .apply(sequence);
        if (rows.replaying()) {
            evictAfterReplayedBatch();
            return;
        }
        SearchesTouched touched = rows.aroundHeldWrites(SearchesTouched.NAME, SearchesTouched::new);
        if (touched != null) {
            touched.created(id(event.propertyId()));
        } else {
            // A new listing is private: in no search yet.
            cache.evictAfterCommit(id(event.propertyId()), List.of());
        }
    }

    @EventHandler
    void on(PropertyDetailsRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> description(
                row, event.title(), event.description(), event.propertyType(), event.specs(), event.location(),
                event.preferences(), event.seo(), event.marketData()));
    }

    @EventHandler
    void on(RentalTermsChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> terms(row, event.terms()));
    }

    @EventHandler
    void on(MonthlyRentChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> row
                .set("monthly_rent", event.monthlyRent().amount())
                .set("rent_currency", event.monthlyRent().currency()));
    }

    @EventHandler
    void on(AmenitiesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> amenities(row, event.amenities()));
    }

    @EventHandler
    void on(UnitAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        unit(rows.upsert("property_unit").key("id", event.unitId().value()), event.spec())
                .set("property_id", id(event.propertyId()))
                .set("updated_at", utc(at))
                .apply(sequence);
        unitsChanged(event.propertyId(), sequence, at);
    }

    @EventHandler
    void on(UnitRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        unit(changeUnit(event.unitId().value(), at), event.spec()).apply(sequence);
        unitsChanged(event.propertyId(), sequence, at);
    }

    @EventHandler
    void on(UnitRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeUnit(event.unitId().value(), at).set("removed", true).apply(sequence);
        unitsChanged(event.propertyId(), sequence, at);
    }

    @EventHandler
    void on(UnitOccupied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID[] tenants = event.tenants() == null ? new UUID[0]
                : event.tenants().stream().map(UserId::value).toArray(UUID[]::new);
        changeUnit(event.unitId().value(), at)
                .set("occupied", true)
                .set("lease_id", event.leaseId() == null ? null : event.leaseId().value())
                .set("tenant_ids", tenants)
                .apply(sequence);
        unitsChanged(event.propertyId(), sequence, at);
    }

    @EventHandler
    void on(UnitVacated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeUnit(event.unitId().value(), at)
                .set("occupied", false)
                .set("lease_id", null)
                .set("tenant_ids", new UUID[0])
                .apply(sequence);
        unitsChanged(event.propertyId(), sequence, at);
    }

    @EventHandler
    void on(PropertyStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> row.set("status", event.status().wire()));
    }

    @EventHandler
    void on(ListingStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> {
            row.set("listing_status", event.status().wire());
            // Published when it leaves private: "newest" orders search results by this.
            if (event.previousStatus() == ListingStatus.PRIVATE && event.status() != ListingStatus.PRIVATE) {
                row.set("published_at", utc(at));
            }
            return row;
        });
    }

    @EventHandler
    void on(PropertyVerificationChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        boolean verified = event.status() == PropertyVerificationStatus.VERIFIED;
        change(event.propertyId(), sequence, at, row -> row
                .set("verification_status", event.status().wire())
                .set("verification_notes", event.notes())
                .set("verified_at", verified ? utc(at) : null)
                .set("verified_by", verified ? id(event.decidedBy()) : null));
    }

    @EventHandler
    void on(ListingAgentChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> row.set("listing_agent_id", id(event.agent())));
    }

    @EventHandler
    void on(PropertyManagerChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.propertyId(), sequence, at, row -> row.set("property_manager_id", id(event.manager())));
    }

    @EventHandler
    void on(HudApprovalRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        var approval = event.approval();
        change(event.propertyId(), sequence, at, row -> row
                .set("hud_approved", approval != null && approval.approved())
                .set("hud_approval_date", approval == null ? null : approval.approvalDate())
                .set("hud_program_type", approval == null ? null : approval.programType()));
    }

    @EventHandler
    void on(PropertyReviewed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID property = id(event.propertyId());
        // One row per reviewer: a later review replaces the earlier one, so the average never counts anyone twice.
        rows.upsert("property_review").key("property_id", property).key("reviewer_id", event.reviewer().value())
            .set("rating", event.rating())
            .set("comment", event.comment())
            .set("reviewed_at", utc(at))
            .apply(sequence);
        change(event.propertyId(), sequence, at, row -> row
                .derived("rating_avg", RATING, property)
                .derived("review_count", REVIEW_COUNT, property));
    }

    @EventHandler
    void on(MediaUploaded event, @SequenceNumber long sequence) {
        rows.upsert("property_listing_media").key("media_id", event.mediaId().value())
            .set("property_id", id(event.propertyId()))
            .set("kind", event.kind().wire())
            .set("visibility", event.visibility().wire())
            .set("is_primary", event.primary())
            .apply(sequence);
        mediaChanged(event.propertyId());
    }

    @EventHandler
    void on(MediaDetailsChanged event, @SequenceNumber long sequence) {
        rows.update("property_listing_media").key("media_id", event.mediaId().value())
            .set("visibility", event.visibility().wire())
            .apply(sequence);
        mediaChanged(event.propertyId());
    }

    /** A deleted medium's row stays, marked, so that an older event delivered late cannot bring it back. */
    @EventHandler
    void on(MediaDeleted event, @SequenceNumber long sequence) {
        rows.update("property_listing_media").key("media_id", event.mediaId().value())
            .set("removed", true)
            .set("is_primary", false)
            .apply(sequence);
        mediaChanged(event.propertyId());
    }

    @EventHandler
    void on(PrimaryMediaChosen event, @SequenceNumber long sequence) {
        primary(event.mediaId(), true, sequence);
        if (event.previous() != null) {
            primary(event.previous(), false, sequence);
        }
        mediaChanged(event.propertyId());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM property_listing_media");
        jdbc.update("DELETE FROM property_review");
        jdbc.update("DELETE FROM property_unit");
        jdbc.update("DELETE FROM property_listing");
        cache.evictEverything();
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("property_listing", "property_unit", "property_review", "property_listing_media");
    }

    /**
     * The listing's twelve search and owner indexes are built after a rebuild's fill: its rows are only ever written
     * by id. Units, reviews and media keep theirs: the listing's counts, rating and photo read them by property.
     */
    @Override
    public List<String> indexedAfterFill() {
        return List.of("property_listing");
    }

    /** The search, detail and availability entries were computed from the old tables. */
    @Override
    public void afterSwitch() {
        cache.evictEverything();
    }

    /**
     * Applies the columns {@code set} adds to the listing if this event is newer than the row, and evicts what it
     * made stale: the searches of the city it was in and the one it is in, if it was or is searchable. A replayed
     * event evicts nothing itself, so its write can wait for the batch ({@link VersionedRows}).
     */
    private void change(PropertyId propertyId, long sequence, Instant at,
                        UnaryOperator<VersionedRows.Write> set) {
        change(propertyId, sequence, at, true, set);
    }

    /**
     * As above; {@code searchable} false for a change that cannot put a listing into searches by itself (its unit
     * counts), so that a listing registered in the same batch needs no look at its city.
     */
    private void change(PropertyId propertyId, long sequence, Instant at, boolean searchable,
                        UnaryOperator<VersionedRows.Write> set) {
        UUID id = id(propertyId);
        VersionedRows.Write write = set.apply(rows.update("property_listing").key("id", id))
                                       .set("updated_at", utc(at));
        if (rows.replaying()) {
            write.apply(sequence);
            evictAfterReplayedBatch();
            return;
        }
        SearchesTouched touched = rows.aroundHeldWrites(SearchesTouched.NAME, SearchesTouched::new);
        if (touched != null) {
            touched.changed(id, searchable);
            write.apply(sequence);
            return;
        }
        List<List<String>> changed = write.apply(sequence, "old.searchable, old.city_key, new.searchable, new.city_key",
                                                 PropertyListingProjector::searchedCities);
        if (!changed.isEmpty()) {
            cache.evictAfterCommit(id, changed.get(0));
        }
    }

    /**
     * A replay changes the listings wholesale: the whole cache goes once per batch of events, instead of entry by
     * entry per event. Once per batch rather than once at the end because no batch knows it is the last, and because
     * searches answered meanwhile from the half-built catalogue must not outlive the replay either.
     */
    private void evictAfterReplayedBatch() {
        rows.afterReplayedBatch(PROCESSING_GROUP, cache::evictEverything);
    }

    /**
     * What a batch's held writes of listings make stale: each listing's own entries, and the searches of its city
     * before and after the writes if it was or is in them. Read around the sending of the writes, one look at the
     * listings before (those the batch did not create) and one after, instead of an answer from each event's write.
     */
    private final class SearchesTouched implements VersionedRows.AroundWrites {

        static final String NAME = PROCESSING_GROUP + ".searches";
        private static final String SEARCHED = "SELECT id, city_key FROM property_listing WHERE id = ANY(?) AND searchable";

        private final Set<UUID> created = new HashSet<>();
        private final Set<UUID> touched = new LinkedHashSet<>();
        private final Set<UUID> looked = new LinkedHashSet<>();
        private final Map<UUID, Set<String>> cities = new HashMap<>();

        void created(UUID id) {
            created.add(id);
            touched.add(id);
        }

        void changed(UUID id, boolean searchable) {
            touched.add(id);
            if (searchable || !created.contains(id)) {
                looked.add(id);
            }
        }

        @Override
        public void beforeWrites() {
            searched(looked.stream().filter(id -> !created.contains(id)).toArray(UUID[]::new));
        }

        @Override
        public void afterWrites() {
            searched(looked.toArray(UUID[]::new));
            touched.forEach(id -> cache.evictAfterCommit(id, cities.getOrDefault(id, Set.of())));
            created.clear();
            touched.clear();
            looked.clear();
            cities.clear();
        }

        private void searched(UUID[] ids) {
            if (ids.length > 0) {
                jdbc.query(SEARCHED, rs -> {
                    cities.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                          .add(rs.getString(2));
                }, (Object) ids);
            }
        }
    }

    private static List<String> searchedCities(ResultSet rs, int row) throws SQLException {
        List<String> cities = new ArrayList<>(2);
        if (rs.getBoolean(1)) {
            cities.add(rs.getString(2));
        }
        if (rs.getBoolean(3) && !cities.contains(rs.getString(4))) {
            cities.add(rs.getString(4));
        }
        return cities;
    }

    private void primary(MediaId media, boolean primary, long sequence) {
        rows.update("property_listing_media").key("media_id", media.value()).set("is_primary", primary).apply(sequence);
    }

    /** The listing shows its media anew, and its entries (and its city's searches, if it is in them) are stale. */
    private void mediaChanged(PropertyId propertyId) {
        UUID id = id(propertyId);
        if (rows.replaying()) {
            rows.statement(MEDIA_SHOWN, id, id, id);
            evictAfterReplayedBatch();
            return;
        }
        SearchesTouched touched = rows.aroundHeldWrites(SearchesTouched.NAME, SearchesTouched::new);
        if (touched != null) {
            touched.changed(id, true);
            rows.statement(MEDIA_SHOWN, id, id, id);
            return;
        }
        List<List<String>> searched = jdbc.query(MEDIA_SHOWN + " RETURNING searchable, city_key",
                                                 (rs, row) -> rs.getBoolean(1) ? List.of(rs.getString(2))
                                                         : List.<String>of(), id, id, id);
        if (!searched.isEmpty()) {
            cache.evictAfterCommit(id, searched.get(0));
        }
    }

    private VersionedRows.Write changeUnit(UUID unitId, Instant at) {
        return rows.update("property_unit").key("id", unitId).set("updated_at", utc(at));
    }

    /** The listing's unit counts follow its unit rows (and with them whether it can be found). */
    private void unitsChanged(PropertyId propertyId, long sequence, Instant at) {
        UUID id = id(propertyId);
        change(propertyId, sequence, at, false, row -> row
                .derived("total_units", UNIT_COUNT, id)
                .derived("available_units", VACANT_COUNT, id));
    }

    private static VersionedRows.Write description(VersionedRows.Write row, String title, String description,
                                                  PropertyType type, PropertySpecs specs, PropertyLocation location,
                                                  TenantPreferences preferences, ListingSeo seo,
                                                  MarketData marketData) {
        var address = location.address();
        var point = location.coordinates();
        TenantPreferences prefs = preferences == null ? TenantPreferences.none() : preferences;
        ListingSeo listingSeo = seo == null ? new ListingSeo(null, null, null) : seo;
        MarketData market = marketData == null ? MarketData.none() : marketData;
        return row
                .set("title", title)
                .set("description", description)
                .set("property_type", type.wire())
                .set("sub_type", specs.subType())
                .set("address_line1", address.line1())
                .set("address_line2", address.line2())
                .set("landmark", location.landmark())
                .set("area_name", location.areaName())
                .set("city", address.city())
                .set("state", address.state())
                .set("postal_code", address.postalCode())
                .set("country", address.country())
                .set("latitude", point == null ? null : point.latitude())
                .set("longitude", point == null ? null : point.longitude())
                .set("location_accuracy", location.accuracyMeters())
                .set("carpet_area", specs.carpetArea())
                .set("built_up_area", specs.builtUpArea())
                .set("super_built_up_area", specs.superBuiltUpArea())
                .set("plot_area", specs.plotArea())
                .set("bedrooms", specs.bedrooms())
                .set("bathrooms", specs.bathrooms() == null ? BigDecimal.ZERO : specs.bathrooms())
                .set("balconies", specs.balconies())
                .set("parking_spaces", specs.parkingSpaces())
                .set("floor_number", specs.floorNumber())
                .set("total_floors", specs.totalFloors())
                .set("furnishing", specs.furnishing() == null ? null : specs.furnishing().wire())
                .set("property_age", specs.propertyAge())
                .set("construction_year", specs.constructionYear())
                .set("pets_allowed", prefs.petsAllowed())
                .set("preferred_tenant_type", prefs.preferredTenantType().wire())
                .set("dietary_preference", prefs.dietaryPreference().wire())
                .set("slug", listingSeo.slug())
                .set("meta_title", listingSeo.metaTitle())
                .set("meta_description", listingSeo.metaDescription())
                .set("market_value", amount(market.marketValue()))
                .set("market_value_currency", currency(market.marketValue()))
                .set("price_per_sqft", amount(market.pricePerSqft()))
                .set("price_per_sqft_currency", currency(market.pricePerSqft()));
    }

    private static VersionedRows.Write terms(VersionedRows.Write row, RentalTerms terms) {
        return row
                .set("monthly_rent", terms.monthlyRent().amount())
                .set("rent_currency", terms.monthlyRent().currency())
                .set("security_deposit", amount(terms.securityDeposit()))
                .set("maintenance_charge", amount(terms.maintenanceCharge()))
                .set("brokerage", amount(terms.brokerage()))
                .set("available_from", terms.availableFrom())
                .set("lease_duration_months", terms.leaseDurationMonths());
    }

    /** The codes of the amenities on offer, for the all-of filter, and every amenity as given. */
    private static VersionedRows.Write amenities(VersionedRows.Write row, List<PropertyAmenity> amenities) {
        String[] available = amenities.stream().filter(PropertyAmenity::available).map(PropertyAmenity::code)
                                      .distinct().sorted().toArray(String[]::new);
        return row
                .set("amenity_codes", available)
                .json("amenities", Rows.JSON.writeValueAsString(amenities));
    }

    private static VersionedRows.Write unit(VersionedRows.Write row, UnitSpec spec) {
        return row
                .set("unit_number", spec.unitNumber())
                .set("bedrooms", spec.bedrooms())
                .set("bathrooms", spec.bathrooms())
                .set("area_sqft", spec.areaSqft())
                .set("monthly_rent", amount(spec.monthlyRent()))
                .set("rent_currency", currency(spec.monthlyRent()))
                .json("features", Rows.JSON.writeValueAsString(spec.features()))
                .set("amenities", spec.amenities().toArray(String[]::new));
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency();
    }

    private static UUID id(PropertyId id) {
        return id.value();
    }

    private static UUID id(UserId id) {
        return id == null ? null : id.value();
    }
}
