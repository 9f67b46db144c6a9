package io.alter8.query.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.MediaId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.document.StoredFile;
import io.alter8.api.media.CaptureInfo;
import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaProcessingStatus;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.PrimaryMediaChosen;
import io.alter8.api.media.RoomType;
import io.alter8.api.property.DietaryPreference;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.ListingStatusChanged;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyDetailsRevised;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyReviewed;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyStatusChanged;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyVerificationChanged;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.property.UnitVacated;
import io.alter8.query.EventStoreFixture;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Property events as the command side writes them, for the query side's tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A draft property in {@code city} (free text here: the projector stores what the event says). */
    /**
     * Writes a searchable listing straight into the catalog, as a bug might leave one: a row no event explains, which
     * a rebuild must not keep.
     */
    public static void insertGhostListing(JdbcTemplate jdbc, UUID id, String pincode) {
        jdbc.update("""
                INSERT INTO property_listing (id, owner_id, title, property_type, address_line1, city, state,
                  postal_code, country, bedrooms, bathrooms, monthly_rent, rent_currency, pets_allowed,
                  preferred_tenant_type, dietary_preference, amenity_codes, amenities, status, listing_status,
                  verification_status, total_units, available_units, version, registered_at, updated_at)
                VALUES (?, ?, 'Ghost', 'house', 'x', 'Bangalore', 's', ?, 'IN', 1, 1, 1, 'INR', false, 'any', 'any',
                  '{}', '[]', 'active', 'public', 'verified', 1, 1, 0, now(), now())""",
                    id, UUID.randomUUID(), pincode);
    }

    public static PropertyRegistered registered(UUID id, String title, String city, PropertyType type, int bedrooms,
                                                String rent) {
        return new Listing(id).city(city).title(title).type(type).bedrooms(bedrooms).rent(rent).registered();
    }

    public static MonthlyRentChanged rentChanged(UUID id, String from, String to) {
        return new MonthlyRentChanged(new PropertyId(id), Money.of(from, "INR"), Money.of(to, "INR"));
    }

    /**
     * One property of a test, built up with its fields and appended to the event store with the sequence numbers
     * the aggregate would give them. {@link #publish} makes it findable: registered with one unit, verified,
     * active and public.
     */
    public static final class Listing {

        public final UUID id;
        public final UUID unitId = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String title = "2BHK near the metro";
        String description = "A sunny flat";
        PropertyType type = PropertyType.APARTMENT;
        String subType = "2bhk";
        String city = "Bangalore";
        String state = "Karnataka";
        String country = "IN";
        String area = "Koramangala";
        String pincode = "560034";
        GeoPoint point = new GeoPoint(12.9352, 77.6245);
        int bedrooms = 2;
        BigDecimal bathrooms = new BigDecimal("1.5");
        FurnishingStatus furnishing = FurnishingStatus.SEMI_FURNISHED;
        String rent = "25000";
        String currency = "INR";
        LocalDate availableFrom;
        boolean pets;
        PreferredTenantType tenantType = PreferredTenantType.ANY;
        DietaryPreference dietary = DietaryPreference.ANY;
        List<String> amenities = List.of("parking");
        private long sequence = -1;
        private long mediaSequence = -1;

        public Listing() {
            this(UUID.randomUUID());
        }

        public Listing(UUID id) {
            this.id = id;
        }

        public Listing owner(UUID value) {
            owner = value;
            return this;
        }

        public Listing title(String value) {
            title = value;
            return this;
        }

        public Listing description(String value) {
            description = value;
            return this;
        }

        public Listing type(PropertyType value) {
            type = value;
            return this;
        }

        public Listing subType(String value) {
            subType = value;
            return this;
        }

        public Listing city(String value) {
            city = value;
            return this;
        }

        public Listing area(String value) {
            area = value;
            return this;
        }

        public Listing pincode(String value) {
            pincode = value;
            return this;
        }

        public Listing at(double latitude, double longitude) {
            point = new GeoPoint(latitude, longitude);
            return this;
        }

        public Listing bedrooms(int value) {
            bedrooms = value;
            return this;
        }

        public Listing bathrooms(String value) {
            bathrooms = new BigDecimal(value);
            return this;
        }

        public Listing furnishing(FurnishingStatus value) {
            furnishing = value;
            return this;
        }

        public Listing rent(String value) {
            rent = value;
            return this;
        }

        public Listing currency(String value) {
            currency = value;
            return this;
        }

        public Listing availableFrom(LocalDate value) {
            availableFrom = value;
            return this;
        }

        public Listing pets(boolean value) {
            pets = value;
            return this;
        }

        public Listing tenantType(PreferredTenantType value) {
            tenantType = value;
            return this;
        }

        public Listing dietary(DietaryPreference value) {
            dietary = value;
            return this;
        }

        public Listing amenities(String... codes) {
            amenities = List.of(codes);
            return this;
        }

        PropertyId propertyId() {
            return new PropertyId(id);
        }

        public PropertyRegistered registered() {
            return new PropertyRegistered(propertyId(), new UserId(owner), title, description, type, specs(),
                                          location(), terms(), preferences(), new ListingSeo("slug-" + id, title, null),
                                          MarketData.none(), amenityList(), new UserId(owner));
        }

        public PropertyDetailsRevised revised() {
            return new PropertyDetailsRevised(propertyId(), title, description, type, specs(), location(),
                                              preferences(), new ListingSeo("slug-" + id, title, null),
                                              MarketData.none());
        }

        public UnitAdded unitAdded() {
            return unitAdded(unitId, "1");
        }

        public UnitAdded unitAdded(UUID unit, String number) {
            return new UnitAdded(propertyId(), new UnitId(unit), new UnitSpec(
                    number, bedrooms, bathrooms, new BigDecimal("950"), Money.of(rent, currency),
                    Map.of("view", "garden"), List.of("air_conditioning")));
        }

        public UnitOccupied occupied(UUID unit, UUID lease) {
            return occupied(unit, lease, UUID.randomUUID());
        }

        /** The unit let under {@code lease} to these tenants. */
        public UnitOccupied occupied(UUID unit, UUID lease, UUID... tenants) {
            return new UnitOccupied(propertyId(), new UnitId(unit), new LeaseId(lease),
                                    Arrays.stream(tenants).map(UserId::new).toList());
        }

        public UnitVacated vacated(UUID unit, UUID lease) {
            return new UnitVacated(propertyId(), new UnitId(unit), new LeaseId(lease));
        }

        public PropertyStatusChanged status(PropertyStatus from, PropertyStatus to) {
            return new PropertyStatusChanged(propertyId(), from, to, null, new UserId(owner));
        }

        public ListingStatusChanged listing(ListingStatus from, ListingStatus to) {
            return new ListingStatusChanged(propertyId(), from, to, new UserId(owner));
        }

        public PropertyReviewed reviewed(UUID reviewer, int rating, String comment) {
            return new PropertyReviewed(propertyId(), new UserId(reviewer), rating, comment);
        }

        public MonthlyRentChanged rentChanged(String to) {
            MonthlyRentChanged event = new MonthlyRentChanged(propertyId(), Money.of(rent, currency),
                                                              Money.of(to, currency));
            rent = to;
            return event;
        }

        /** The events that make it findable: registered with one unit, verified, active, public. */
        public List<Object> publishing() {
            List<Object> events = new ArrayList<>();
            events.add(registered());
            events.add(unitAdded());
            events.add(new PropertyVerificationChanged(propertyId(), PropertyVerificationStatus.VERIFIED, "checked",
                                                       UserId.random(), null));
            events.add(status(PropertyStatus.DRAFT, PropertyStatus.ACTIVE));
            events.add(listing(ListingStatus.PRIVATE, ListingStatus.PUBLIC));
            return events;
        }

        /** Appends {@link #publishing()}; answers the position of the last event. */
        public long publish(EventStoreFixture store) {
            return append(store, publishing().toArray());
        }

        /** Appends events with the next sequence numbers; answers the position of the last. */
        public long append(EventStoreFixture store, Object... events) {
            long position = -1;
            for (Object event : events) {
                position = store.append("Property", id, ++sequence, event);
            }
            return position;
        }

        /**
         * A medium uploaded to this property's gallery as the media aggregate records it; {@code primary} as the
         * event says, whatever the aggregate would allow, so that the read model's own rule can be tested.
         */
        public MediaUploaded mediaUploaded(MediaId media, MediaKind kind, MediaVisibility visibility,
                                           boolean primary, int order) {
            boolean image = kind == MediaKind.IMAGE;
            return new MediaUploaded(gallery(), propertyId(), media, kind,
                                     new StoredFile("f-" + media, "file", 2048, image ? "image/jpeg" : "video/mp4",
                                                    "aa", null),
                                     image ? 1600 : null, image ? 1200 : null, CaptureInfo.NONE, RoomType.LIVING_ROOM,
                                     List.of(), visibility, primary, order, null, new UserId(owner),
                                     Instant.parse("2026-12-01T10:00:00Z"),
                                     image ? MediaProcessingStatus.PENDING : MediaProcessingStatus.COMPLETED);
        }

        public MediaDetailsChanged mediaVisibility(MediaId media, MediaVisibility visibility) {
            return new MediaDetailsChanged(gallery(), propertyId(), media, RoomType.LIVING_ROOM, List.of(), visibility,
                                           new UserId(owner), Instant.parse("2026-12-01T11:00:00Z"));
        }

        public PrimaryMediaChosen primaryChosen(MediaId media, MediaId previous) {
            return new PrimaryMediaChosen(gallery(), propertyId(), media, previous, new UserId(owner));
        }

        /** {@code media} deleted from the gallery, {@code left} staying in that display order. */
        public MediaDeleted mediaDeleted(MediaId media, MediaId... left) {
            return new MediaDeleted(gallery(), propertyId(), media, List.of("f-" + media), List.of(left),
                                    new UserId(owner), Instant.parse("2026-12-01T12:00:00Z"));
        }

        public PropertyMediaId gallery() {
            return PropertyMediaId.of(propertyId());
        }

        /** Appends media events to the property's gallery with its next sequence numbers; answers the last position. */
        public long appendMedia(EventStoreFixture store, Object... events) {
            long position = -1;
            for (Object event : events) {
                position = store.append("PropertyMedia", gallery().value(), ++mediaSequence, event);
            }
            return position;
        }

        private PropertySpecs specs() {
            return new PropertySpecs(subType, new BigDecimal("900"), new BigDecimal("1000"), null, null, bedrooms,
                                     bathrooms, 1, 1, 3, 10, furnishing, 5, 2021);
        }

        private PropertyLocation location() {
            return new PropertyLocation(new Address("12 MG Road", null, city, state, pincode, country), "Near the park",
                                        area, point, 10);
        }

        private RentalTerms terms() {
            return new RentalTerms(Money.of(rent, currency), Money.of(rent, currency), null, null, availableFrom, 11);
        }

        private TenantPreferences preferences() {
            return new TenantPreferences(pets, tenantType, dietary);
        }

        private List<PropertyAmenity> amenityList() {
            return amenities.stream().map(code -> new PropertyAmenity(code, null, true, null)).toList();
        }
    }
}
