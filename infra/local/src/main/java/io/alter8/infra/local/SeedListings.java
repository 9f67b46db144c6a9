package io.alter8.infra.local;

import io.alter8.infra.local.MasterDataLookup.Area;
import io.alter8.infra.local.MasterDataLookup.City;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Listings to seed a stack with, for the search benchmark: spread over every master city and area of both markets,
 * with the types, rents, rooms, furnishing, preferences and amenities varied the way a real catalogue varies, and
 * descriptions with words to search for. Listing {@code n} of a seed is always the same listing (same id too), so
 * seeding again changes nothing.
 */
final class SeedListings {

    /** Words the descriptions are made of, and so what the text searches of the benchmark look for. */
    static final List<String> FEATURES = List.of("balcony", "metro", "park view", "modular kitchen", "sunlit",
                                                 "near school", "gated", "lake view", "quiet street", "rooftop",
                                                 "hardwood floors", "walk-in closet", "corner unit", "garden");
    private static final List<String> INDIAN_TYPES = List.of("apartment", "apartment", "apartment", "house", "villa",
                                                             "pg", "commercial");
    private static final List<String> US_TYPES = List.of("apartment", "apartment", "single_family", "condo",
                                                         "multi_family");
    private static final List<String> FURNISHING = List.of("unfurnished", "semi_furnished", "fully_furnished");
    private static final List<String> TENANT_TYPES = List.of("family", "bachelor", "company", "any");
    private static final List<String> DIETARY = List.of("veg_only", "non_veg_ok", "any");
    private static final List<String> STREETS = List.of("Main Road", "Park Street", "Station Road", "Lake View Road",
                                                        "Church Street", "Elm Street", "Oak Avenue", "Hill Road");

    private final MasterDataLookup master;
    private final long seed;
    private final LocalDate today;

    SeedListings(MasterDataLookup master, long seed, LocalDate today) {
        this.master = master;
        this.seed = seed;
        this.today = today;
    }

    /** The id of listing {@code n}: derived from the seed, so a second run imports the same listings. */
    UUID id(int n) {
        return UUID.nameUUIDFromBytes(("alter8-seed:" + seed + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    /** One element of the import request's {@code listings}: the property and how far it is taken. */
    Map<String, Object> listing(int n, UUID owner) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        City city = master.cities().get(random.nextInt(master.cities().size()));
        Area area = city.areas().get(random.nextInt(city.areas().size()));
        boolean india = city.country().equals("IN");
        String currency = india ? "INR" : "USD";
        String type = pick(random, india ? INDIAN_TYPES : US_TYPES);
        boolean multiUnit = type.equals("multi_family") || type.equals("pg") || type.equals("commercial");
        int bedrooms = type.equals("pg") || type.equals("commercial") ? 1 : 1 + random.nextInt(4);
        BigDecimal bathrooms = SampleProperties.halfSteps(random, bedrooms);
        long rent = india ? 8_000L + bedrooms * 7_000L + 500L * random.nextInt(80)
                          : 900L + bedrooms * 500L + 25L * random.nextInt(100);
        int sqft = 350 + bedrooms * 300 + 10 * random.nextInt(60);

        Map<String, Object> specs = new LinkedHashMap<>();
        specs.put("subType", india && !multiUnit ? bedrooms + "bhk" : null);
        specs.put(india ? "carpetArea" : "builtUpArea", sqft);
        if (india) {
            specs.put("builtUpArea", sqft + sqft / 5);
            specs.put("superBuiltUpArea", sqft + sqft / 3);
        }
        specs.put("bedrooms", bedrooms);
        specs.put("bathrooms", bathrooms);
        specs.put("balconies", random.nextInt(3));
        specs.put("parkingSpaces", random.nextInt(3));
        int floors = 1 + random.nextInt(20);
        specs.put("totalFloors", floors);
        specs.put("floorNumber", random.nextInt(floors + 1));
        specs.put("furnishing", pick(random, FURNISHING));
        specs.put("constructionYear", today.getYear() - random.nextInt(40));

        // Within about 8 km of the city centre: radius searches find dozens to thousands.
        Map<String, Object> location = SampleProperties.location(
                (1 + random.nextInt(400)) + " " + pick(random, STREETS), city.name(), city.stateCode(),
                area.postalCode(), city.country(), area.name(), SampleProperties.jitter(random, city.latitude(), 0.15),
                SampleProperties.jitter(random, city.longitude(), 0.15));
        location.put("accuracyMeters", 10 + random.nextInt(90));

        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("monthlyRent", money(rent, currency));
        terms.put("securityDeposit", money(rent * (india ? 2 + random.nextInt(9) : 1 + random.nextInt(2)), currency));
        if (india) {
            terms.put("maintenanceCharge", money(500L * (1 + random.nextInt(8)), currency));
        }
        terms.put("availableFrom", today.plusDays(random.nextInt(120)).toString());
        terms.put("leaseDurationMonths", india ? 11 : 12);

        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("petsAllowed", random.nextInt(3) == 0);
        preferences.put("preferredTenantType", pick(random, TENANT_TYPES));
        preferences.put("dietaryPreference", india ? pick(random, DIETARY) : "any");

        List<Map<String, Object>> amenities = new ArrayList<>();
        List<String> codes = new ArrayList<>(master.amenityCodes());
        for (int i = 0, count = 2 + random.nextInt(6); i < count && !codes.isEmpty(); i++) {
            amenities.add(Map.of("code", codes.remove(random.nextInt(codes.size()))));
        }

        String kind = type.replace('_', ' ');
        String title = (india ? bedrooms + " BHK " : bedrooms + "-bed ") + kind + " in " + area.name();
        String description = "A " + pick(random, FEATURES) + " " + kind + " with " + pick(random, FEATURES) + " and "
                + pick(random, FEATURES) + ", in " + area.name() + ", " + city.name() + ".";

        Map<String, Object> property = new LinkedHashMap<>();
        property.put("id", id(n));
        property.put("ownerId", owner);
        property.put("title", title);
        property.put("description", description);
        property.put("propertyType", type);
        property.put("specs", specs);
        property.put("location", location);
        property.put("terms", terms);
        property.put("preferences", preferences);
        // An explicit slug: generated ones would all start alike and need many tries to be unique.
        property.put("seo", Map.of("slug", slug(title) + "-" + Integer.toString(n, 36)));
        property.put("amenities", amenities);
        if (multiUnit) {
            property.put("units", units(random, 2 + random.nextInt(4), bedrooms, rent, sqft, currency));
        }

        // Most listings go live; some stay private or draft, some are featured, as in a real catalogue.
        int fate = random.nextInt(100);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("property", property);
        if (fate >= 5) {
            listing.put("verification", "verified");
            listing.put("activate", true);
            listing.put("listingStatus", fate < 10 ? "private" : fate < 15 ? "featured" : "public");
        }
        return listing;
    }

    private static List<Map<String, Object>> units(SplittableRandom random, int count, int bedrooms, long rent,
                                                   int area, String currency) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (int u = 1; u <= count; u++) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("unitNumber", (100 * (1 + (u - 1) / 4) + u) + "");
            unit.put("bedrooms", bedrooms);
            unit.put("bathrooms", SampleProperties.halfSteps(random, bedrooms));
            unit.put("areaSqft", area);
            unit.put("monthlyRent", money(rent + (long) (rent * 0.05 * random.nextInt(4)), currency));
            units.add(unit);
        }
        return units;
    }

    private static Map<String, Object> money(long amount, String currency) {
        return Map.of("amount", Long.toString(amount), "currency", currency);
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
