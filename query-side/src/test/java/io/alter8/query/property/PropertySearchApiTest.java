package io.alter8.query.property;

import io.alter8.api.property.DietaryPreference;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PreferredTenantType;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The listing search through HTTP, fed by events appended to the real event store: each filter and each sort alone
 * and combined, paging, what is never found, and the 400s. Every test lists its own pincode, so that tests do not see
 * each other's listings (the pincode filter is tested alone too).
 */
@QuerySideTest
class PropertySearchApiTest {

    @LocalServerPort
    int port;
    ApiClient api;
    EventStoreFixture store = EventStoreFixture.shared();
    String pincode = uniquePincode();
    long last;

    static String uniquePincode() {
        return "T" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    TestEvents.Listing listing() {
        return new TestEvents.Listing().pincode(pincode);
    }

    TestEvents.Listing published(TestEvents.Listing listing) {
        last = listing.publish(store);
        return listing;
    }

    /** A search within this test's pincode, reading its own writes. */
    Response search(String parameters) {
        return api.get("/api/properties?pincode=" + pincode + (parameters.isEmpty() ? "" : "&" + parameters),
                       "X-Await-Position", Long.toString(last));
    }

    List<String> ids(String parameters) {
        return ids(search(parameters));
    }

    static List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }

    static String[] idsOf(TestEvents.Listing... listings) {
        return java.util.Arrays.stream(listings).map(l -> l.id.toString()).toArray(String[]::new);
    }

    @Test
    void findsOnlyPublicActiveListingsWithAVacantUnit() {
        TestEvents.Listing open = published(listing());
        TestEvents.Listing featured = published(listing());
        last = featured.append(store, featured.listing(ListingStatus.PUBLIC, ListingStatus.FEATURED));
        TestEvents.Listing draft = listing();
        last = draft.append(store, draft.registered(), draft.unitAdded());
        TestEvents.Listing hidden = published(listing());
        last = hidden.append(store, hidden.listing(ListingStatus.PUBLIC, ListingStatus.PRIVATE));
        TestEvents.Listing inMaintenance = published(listing());
        last = inMaintenance.append(store, inMaintenance.status(PropertyStatus.ACTIVE, PropertyStatus.MAINTENANCE));
        TestEvents.Listing full = published(listing());
        last = full.append(store, full.occupied(full.unitId, UUID.randomUUID()));

        assertThat(ids("")).containsExactlyInAnyOrder(idsOf(open, featured));
    }

    @Test
    void pincodeAloneFindsOnlyThatPincode() {
        TestEvents.Listing here = published(listing());
        TestEvents.Listing elsewhere = published(new TestEvents.Listing().pincode(uniquePincode()));

        assertThat(ids("")).containsExactly(here.id.toString()).doesNotContain(elsewhere.id.toString());
    }

    @Test
    void cityAloneFindsThatCityOnly() {
        TestEvents.Listing mumbai = published(listing().city("Mumbai").area("Powai"));
        TestEvents.Listing bangalore = published(listing());
        Response r = api.get("/api/properties?city=mumbai&size=100", "X-Await-Position", Long.toString(last));

        assertThat(ids(r)).contains(mumbai.id.toString()).doesNotContain(bangalore.id.toString());
        assertThat(r.json().path("items").valueStream().map(i -> i.path("city").asString()).distinct())
                .containsExactly("Mumbai");
    }

    @Test
    void areaFiltersWithinTheCity() {
        TestEvents.Listing koramangala = published(listing());
        TestEvents.Listing indiranagar = published(listing().area("Indiranagar"));

        assertThat(ids("city=Bangalore&area=indiranagar")).containsExactly(indiranagar.id.toString());
        assertThat(ids("area=Koramangala")).containsExactly(koramangala.id.toString());
    }

    @Test
    void propertyTypesOneOrSeveral() {
        TestEvents.Listing flat = published(listing());
        TestEvents.Listing villa = published(listing().type(PropertyType.VILLA));
        TestEvents.Listing house = published(listing().type(PropertyType.HOUSE));

        assertThat(ids("propertyType=villa")).containsExactly(villa.id.toString());
        assertThat(ids("propertyType=villa,house")).containsExactlyInAnyOrder(idsOf(villa, house));
        assertThat(ids("propertyType=apartment&propertyType=house")).containsExactlyInAnyOrder(idsOf(flat, house));
    }

    @Test
    void subType() {
        TestEvents.Listing studio = published(listing().subType("studio"));
        published(listing());

        assertThat(ids("subType=Studio")).containsExactly(studio.id.toString());
    }

    @Test
    void rentRangeInTheListingsCurrencyOrOneCurrency() {
        TestEvents.Listing cheap = published(listing().rent("9000"));
        TestEvents.Listing mid = published(listing().rent("25000"));
        TestEvents.Listing dear = published(listing().rent("90000"));
        TestEvents.Listing dollars = published(listing().rent("2000").currency("USD"));

        assertThat(ids("minRent=10000&maxRent=90000")).containsExactlyInAnyOrder(idsOf(mid, dear));
        assertThat(ids("minRent=25000")).containsExactlyInAnyOrder(idsOf(mid, dear));
        assertThat(ids("maxRent=9000")).containsExactlyInAnyOrder(idsOf(cheap, dollars));
        assertThat(ids("maxRent=9000&currency=inr")).containsExactly(cheap.id.toString());
        assertThat(ids("currency=USD")).containsExactly(dollars.id.toString());
    }

    @Test
    void minBedroomsAndBathrooms() {
        TestEvents.Listing one = published(listing().bedrooms(1).bathrooms("1"));
        TestEvents.Listing three = published(listing().bedrooms(3).bathrooms("2.5"));

        assertThat(ids("minBedrooms=2")).containsExactly(three.id.toString());
        assertThat(ids("minBedrooms=0")).containsExactlyInAnyOrder(idsOf(one, three));
        assertThat(ids("minBathrooms=1.5")).containsExactly(three.id.toString());
    }

    @Test
    void furnishingAndPets() {
        TestEvents.Listing furnished = published(listing().furnishing(FurnishingStatus.FULLY_FURNISHED).pets(true));
        TestEvents.Listing bare = published(listing().furnishing(FurnishingStatus.UNFURNISHED));

        assertThat(ids("furnishing=fully_furnished")).containsExactly(furnished.id.toString());
        assertThat(ids("petsAllowed=true")).containsExactly(furnished.id.toString());
        assertThat(ids("petsAllowed=false")).containsExactly(bare.id.toString());
    }

    @Test
    void tenantTypeAndDietMatchThatValueOrAny() {
        TestEvents.Listing families = published(listing().tenantType(PreferredTenantType.FAMILY)
                                                         .dietary(DietaryPreference.VEG_ONLY));
        TestEvents.Listing bachelors = published(listing().tenantType(PreferredTenantType.BACHELOR)
                                                          .dietary(DietaryPreference.NON_VEG_OK));
        TestEvents.Listing anyone = published(listing());

        assertThat(ids("preferredTenantType=family")).containsExactlyInAnyOrder(idsOf(families, anyone));
        assertThat(ids("dietaryPreference=non_veg_ok")).containsExactlyInAnyOrder(idsOf(bachelors, anyone));
    }

    @Test
    void amenitiesAllOf() {
        TestEvents.Listing both = published(listing().amenities("parking", "gym"));
        TestEvents.Listing parking = published(listing().amenities("parking"));
        published(listing().amenities("gym", "swimming_pool"));

        assertThat(ids("amenities=gym,parking")).containsExactly(both.id.toString());
        assertThat(ids("amenities=parking")).containsExactlyInAnyOrder(idsOf(both, parking));
    }

    @Test
    void availableOnOrBeforeADate() {
        TestEvents.Listing now = published(listing());
        TestEvents.Listing december = published(listing().availableFrom(LocalDate.parse("2026-12-01")));
        published(listing().availableFrom(LocalDate.parse("2027-03-01")));

        assertThat(ids("availableFrom=2027-01-01")).containsExactlyInAnyOrder(idsOf(now, december));
        assertThat(ids("availableFrom=2026-12-01")).containsExactlyInAnyOrder(idsOf(now, december));
    }

    @Test
    void fullTextOverTitleDescriptionAndArea() {
        TestEvents.Listing penthouse = published(listing().title("Sea view penthouse").description("Top floor"));
        TestEvents.Listing cottage = published(listing().title("Garden cottage").description("Quiet, with a garden")
                                                        .area("Indiranagar"));

        assertThat(ids("q=sea%20views")).containsExactly(penthouse.id.toString());
        assertThat(ids("q=garden")).containsExactly(cottage.id.toString());
        assertThat(ids("q=indiranagar")).containsExactly(cottage.id.toString());
        assertThat(ids("q=%22top%20floor%22%20-cottage")).containsExactly(penthouse.id.toString());
    }

    @Test
    void radiusAroundAPointWithDistancesAndSortedByDistance() {
        TestEvents.Listing far = published(listing().at(12.9352 + 0.027, 77.6245));
        TestEvents.Listing near = published(listing().at(12.9352 + 0.0045, 77.6245));
        published(listing().at(12.9352 + 0.18, 77.6245));

        Response r = search("near=12.9352,77.6245&radiusKm=5&sort=distance");
        assertThat(ids(r)).containsExactly(near.id.toString(), far.id.toString());
        JsonNode items = r.json().path("items");
        assertThat(items.get(0).path("distanceKm").asDouble()).isCloseTo(0.5, within(0.01));
        assertThat(items.get(1).path("distanceKm").asDouble()).isCloseTo(3.0, within(0.01));
        assertThat(ids("near=12.9352,77.6245&sort=distance,desc")).containsExactly(far.id.toString(),
                                                                                  near.id.toString());
        assertThat(ids("near=12.9352,77.6245&radiusKm=1")).containsExactly(near.id.toString());
    }

    @Test
    void sortsByRentEitherWay() {
        TestEvents.Listing mid = published(listing().rent("25000"));
        TestEvents.Listing cheap = published(listing().rent("9000"));
        TestEvents.Listing dear = published(listing().rent("90000"));

        assertThat(ids("sort=rent")).containsExactly(idsOf(cheap, mid, dear));
        assertThat(ids("sort=rent,desc")).containsExactly(idsOf(dear, mid, cheap));
    }

    @Test
    void sortsByRating() {
        TestEvents.Listing good = published(listing());
        TestEvents.Listing unrated = published(listing());
        TestEvents.Listing fair = published(listing());
        good.append(store, good.reviewed(UUID.randomUUID(), 5, "great"), good.reviewed(UUID.randomUUID(), 4, "nice"));
        last = fair.append(store, fair.reviewed(UUID.randomUUID(), 3, "fine"));

        Response r = search("sort=rating");
        assertThat(ids(r)).containsExactly(idsOf(good, fair, unrated));
        assertThat(r.json().path("items").get(0).path("rating").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(r.json().path("items").get(0).path("reviewCount").asInt()).isEqualTo(2);
        assertThat(ids("sort=rating,asc")).containsExactly(idsOf(unrated, fair, good));
    }

    @Test
    void newestFirstByDefaultWithFeaturedAhead() {
        TestEvents.Listing first = published(listing());
        TestEvents.Listing second = published(listing());
        TestEvents.Listing third = published(listing());
        last = second.append(store, second.listing(ListingStatus.PUBLIC, ListingStatus.FEATURED));

        assertThat(ids("")).containsExactly(idsOf(second, third, first));
        assertThat(ids("sort=newest")).containsExactly(idsOf(second, third, first));
        assertThat(ids("sort=newest,asc")).containsExactly(idsOf(second, first, third));
    }

    @Test
    void filtersAndSortCombined() {
        TestEvents.Listing match = published(listing().bedrooms(3).rent("40000").amenities("gym", "parking")
                                                      .furnishing(FurnishingStatus.FULLY_FURNISHED));
        TestEvents.Listing cheaperMatch = published(listing().bedrooms(2).rent("30000").amenities("gym"));
        published(listing().bedrooms(3).rent("40000").amenities("parking"));
        published(listing().type(PropertyType.VILLA).bedrooms(3).rent("40000").amenities("gym"));
        published(listing().bedrooms(1).rent("35000").amenities("gym"));
        published(listing().bedrooms(3).rent("60000").amenities("gym"));
        published(listing().city("Mumbai").area("Powai").bedrooms(3).rent("40000").amenities("gym"));

        assertThat(ids("city=Bangalore&propertyType=apartment&minRent=20000&maxRent=50000&minBedrooms=2"
                               + "&amenities=gym&near=12.9352,77.6245&radiusKm=20&q=sunny&sort=rent,desc"))
                .containsExactly(idsOf(match, cheaperMatch));
        assertThat(ids("city=Bangalore&minBedrooms=2&amenities=gym&furnishing=fully_furnished&sort=rating"))
                .containsExactly(match.id.toString());
    }

    @Test
    void pagesWithTotals() {
        TestEvents.Listing a = published(listing().rent("1000"));
        TestEvents.Listing b = published(listing().rent("2000"));
        TestEvents.Listing c = published(listing().rent("3000"));
        TestEvents.Listing d = published(listing().rent("4000"));
        TestEvents.Listing e = published(listing().rent("5000"));

        Response first = search("sort=rent&size=2");
        assertThat(ids(first)).containsExactly(idsOf(a, b));
        assertThat(first.json().path("total").asLong()).isEqualTo(5);
        Response middle = search("sort=rent&size=2&page=1");
        assertThat(ids(middle)).containsExactly(idsOf(c, d));
        assertThat(middle.json().path("total").asLong()).isEqualTo(5);
        Response end = search("sort=rent&size=2&page=2");
        assertThat(ids(end)).containsExactly(e.id.toString());
        assertThat(end.json().path("page").asInt()).isEqualTo(2);
        assertThat(end.json().path("size").asInt()).isEqualTo(2);
        assertThat(end.json().path("total").asLong()).isEqualTo(5);
        Response beyond = search("sort=rent&size=2&page=7");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.json().path("total").asLong()).isEqualTo(5);
    }

    @Test
    void eachResultCarriesWhatAListShows() {
        TestEvents.Listing p = published(listing().amenities("gym", "parking"));
        JsonNode item = search("").json().path("items").get(0);

        assertThat(item.path("title").asString()).isEqualTo("2BHK near the metro");
        assertThat(item.path("city").asString()).isEqualTo("Bangalore");
        assertThat(item.path("areaName").asString()).isEqualTo("Koramangala");
        assertThat(item.path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(item.path("amenities").valueStream().map(JsonNode::asString)).containsExactly("gym", "parking");
        assertThat(item.path("listingStatus").asString()).isEqualTo("public");
        assertThat(item.path("availableUnits").asInt()).isEqualTo(1);
        assertThat(item.path("version").asLong()).isEqualTo(4);
        assertThat(item.path("distanceKm").isNull()).isTrue();
        assertThat(item.path("id").asString()).isEqualTo(p.id.toString());
    }

    @Test
    void everyBadParameterIsNamedInOne400() {
        Response r = api.get("/api/properties?city=Atlantis&amenities=gym,jacuzzi&propertyType=castle&minRent=-1"
                                     + "&maxRent=abc&minBedrooms=-2&minBathrooms=x&furnishing=plush&petsAllowed=maybe"
                                     + "&preferredTenantType=aliens&dietaryPreference=keto&availableFrom=tomorrow"
                                     + "&currency=XYZ&radiusKm=5&size=500&sort=price,up&pincode=%25%25");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "city: unknown city (GET /api/lookups/cities lists them)",
                "pincode: must be a pincode or ZIP code",
                "propertyType: must be one of: apartment, house, villa, commercial, plot, pg, single_family, "
                        + "multi_family, condo",
                "minRent: must be a number, 0 or more",
                "maxRent: must be a number, 0 or more",
                "currency: must be a currency code such as INR or USD",
                "minBedrooms: must be a whole number, 0 or more",
                "minBathrooms: must be a number, 0 or more",
                "furnishing: must be one of: unfurnished, semi_furnished, fully_furnished",
                "petsAllowed: must be true or false",
                "preferredTenantType: must be one of: family, bachelor, company, any",
                "dietaryPreference: must be one of: veg_only, non_veg_ok, any",
                "amenities: unknown amenity codes: jacuzzi (GET /api/lookups/amenities lists them)",
                "availableFrom: must be a date such as 2026-01-31",
                "radiusKm: needs near",
                "size: must be between 1 and 100",
                "sort: must be one of: newest, rent, distance, rating",
                "sort: direction must be asc or desc");
    }

    @Test
    void unknownAreaRangeAndPointMistakesAre400s() {
        assertThat(api.get("/api/properties?city=Mumbai&area=Koramangala").fieldErrors())
                .containsExactly("area: unknown area of Mumbai");
        assertThat(api.get("/api/properties?minRent=5000&maxRent=100").fieldErrors())
                .containsExactly("maxRent: must not be below minRent");
        assertThat(api.get("/api/properties?sort=distance").fieldErrors())
                .containsExactly("sort: distance needs near");
        assertThat(api.get("/api/properties?near=95,10&radiusKm=500").fieldErrors()).containsExactlyInAnyOrder(
                "near: must be latitude,longitude in degrees, such as 12.9716,77.5946",
                "radiusKm: must be a number above 0 and at most 100");
        assertThat(api.get("/api/properties?q=" + "a".repeat(201)).fieldErrors())
                .containsExactly("q: must be at most 200 characters");
    }

    @Test
    void searchNeedsAToken() {
        Response r = new ApiClient("http://localhost:" + port).get("/api/properties");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }
}
