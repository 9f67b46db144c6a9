package io.alter8.infra.local;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Valid, varied {@code POST /api/properties} bodies for the benchmark: cities and areas of the master data of both
 * markets, types, rooms, rents, amenities and (for buildings) units spread out, so the read models see realistic
 * rows rather than one repeated listing.
 */
final class SampleProperties {

    private record Area(String name, String postalCode) {
    }

    private record City(String name, String state, String country, double latitude, double longitude,
                        List<Area> areas) {
    }

    /** Master cities and areas (db/masterdata); the coordinates are the city's. */
    private static final List<City> CITIES = List.of(
            new City("Bangalore", "Karnataka", "IN", 12.9716, 77.5946,
                     List.of(new Area("Koramangala", "560034"), new Area("Indiranagar", "560038"))),
            new City("Mumbai", "Maharashtra", "IN", 19.0760, 72.8777,
                     List.of(new Area("Andheri West", "400058"), new Area("Bandra West", "400050"))),
            new City("Pune", "Maharashtra", "IN", 18.5204, 73.8567,
                     List.of(new Area("Hinjewadi", "411057"), new Area("Kothrud", "411038"))),
            new City("Hyderabad", "Telangana", "IN", 17.3850, 78.4867,
                     List.of(new Area("Gachibowli", "500032"), new Area("Madhapur", "500081"))),
            new City("Chennai", "Tamil Nadu", "IN", 13.0827, 80.2707,
                     List.of(new Area("Adyar", "600020"), new Area("T. Nagar", "600017"))),
            new City("Delhi", "Delhi", "IN", 28.6139, 77.2090,
                     List.of(new Area("Dwarka", "110075"), new Area("Saket", "110017"))),
            new City("Kolkata", "West Bengal", "IN", 22.5726, 88.3639,
                     List.of(new Area("Salt Lake", "700091"), new Area("New Town", "700156"))),
            new City("Austin", "Texas", "US", 30.2672, -97.7431,
                     List.of(new Area("Downtown", "78701"), new Area("South Congress", "78704"))),
            new City("Seattle", "Washington", "US", 47.6062, -122.3321,
                     List.of(new Area("Capitol Hill", "98102"), new Area("Ballard", "98107"))),
            new City("Chicago", "Illinois", "US", 41.8781, -87.6298,
                     List.of(new Area("Lincoln Park", "60614"), new Area("Wicker Park", "60622"))));
    private static final List<String> INDIAN_TYPES = List.of("apartment", "apartment", "house", "villa", "pg");
    private static final List<String> US_TYPES = List.of("apartment", "single_family", "condo", "multi_family");
    private static final List<String> STREETS = List.of("MG Road", "Park Street", "Main Street", "Lake View Road",
                                                        "Station Road", "Elm Street", "Church Street");
    private static final List<String> AMENITIES = List.of("parking", "security", "elevator", "power_backup", "gym",
                                                          "swimming_pool", "garden", "cctv", "internet",
                                                          "air_conditioning");
    private static final List<String> FURNISHING = List.of("unfurnished", "semi_furnished", "fully_furnished");

    private final JsonMapper json = JsonMapper.builder().build();

    /** Body number {@code n}; the same {@code n} and seed give the same body. */
    String registerBody(long seed, int n) {
        return json.writeValueAsString(registerFields(seed, n));
    }

    /** The fields of body number {@code n}, for callers that add to them (an owner, an id). */
    Map<String, Object> registerFields(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        City city = CITIES.get(random.nextInt(CITIES.size()));
        Area area = city.areas().get(random.nextInt(city.areas().size()));
        boolean india = city.country().equals("IN");
        String type = india ? INDIAN_TYPES.get(random.nextInt(INDIAN_TYPES.size()))
                            : US_TYPES.get(random.nextInt(US_TYPES.size()));
        int bedrooms = type.equals("pg") ? 1 : 1 + random.nextInt(5);
        BigDecimal bathrooms = halfSteps(random, bedrooms);
        BigDecimal rent = rent(random, india, bedrooms);
        String currency = india ? "INR" : "USD";

        String line1 = (1 + random.nextInt(400)) + " " + STREETS.get(random.nextInt(STREETS.size()));
        Map<String, Object> location = location(line1, city.name(), city.state(), area.postalCode(), city.country(),
                                                area.name(), jitter(random, city.latitude(), 0.1),
                                                jitter(random, city.longitude(), 0.1));

        Map<String, Object> specs = new LinkedHashMap<>();
        specs.put("subType", india ? bedrooms + "bhk" : bedrooms + "br");
        specs.put("builtUpArea", 350 + bedrooms * 300 + random.nextInt(300));
        specs.put("bedrooms", bedrooms);
        specs.put("bathrooms", bathrooms);
        specs.put("furnishing", FURNISHING.get(random.nextInt(FURNISHING.size())));
        specs.put("constructionYear", 1980 + random.nextInt(45));

        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("monthlyRent", money(rent, currency));
        terms.put("securityDeposit", money(rent.multiply(BigDecimal.valueOf(india ? 3 : 1)), currency));
        terms.put("leaseDurationMonths", india ? 11 : 12);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", bedrooms + (india ? "BHK " : " bed ") + type.replace('_', ' ') + " in " + area.name());
        body.put("description", "Benchmark listing #" + n);
        body.put("propertyType", type);
        body.put("specs", specs);
        body.put("location", location);
        body.put("terms", terms);
        body.put("preferences", Map.of("petsAllowed", random.nextBoolean()));
        body.put("amenities", amenities(random));
        if (type.equals("multi_family")) {
            body.put("units", units(random, currency));
        }
        return body;
    }

    private static List<Map<String, Object>> amenities(SplittableRandom random) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (String code : AMENITIES) {
            if (random.nextInt(3) == 0) {
                chosen.add(Map.of("code", code));
            }
        }
        return chosen;
    }

    private static List<Map<String, Object>> units(SplittableRandom random, String currency) {
        List<Map<String, Object>> units = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int u = 1; u <= count; u++) {
            int bedrooms = 1 + random.nextInt(3);
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("unitNumber", String.valueOf(100 + u));
            unit.put("bedrooms", bedrooms);
            unit.put("bathrooms", halfSteps(random, bedrooms));
            unit.put("areaSqft", 400 + bedrooms * 250);
            unit.put("monthlyRent", money(rent(random, false, bedrooms), currency));
            units.add(unit);
        }
        return units;
    }

    /** A request's {@code location}: the address in a master-data area, and coordinates. */
    static Map<String, Object> location(String line1, String city, String state, String postalCode, String country,
                                        String areaName, double latitude, double longitude) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", line1);
        address.put("city", city);
        address.put("state", state);
        address.put("postalCode", postalCode);
        address.put("country", country);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("address", address);
        location.put("areaName", areaName);
        location.put("coordinates", Map.of("latitude", latitude, "longitude", longitude));
        return location;
    }

    /** Half steps from 1.0 up to bedrooms + 0.5. */
    static BigDecimal halfSteps(SplittableRandom random, int bedrooms) {
        return BigDecimal.valueOf(2 + random.nextInt(bedrooms * 2), 0).divide(BigDecimal.valueOf(2)).setScale(1);
    }

    /** Rent in steps of 500 INR or 25 USD, rising with the bedrooms. */
    private static BigDecimal rent(SplittableRandom random, boolean india, int bedrooms) {
        return india ? BigDecimal.valueOf(8_000L + bedrooms * 6_000L + 500L * random.nextInt(60)).setScale(2)
                     : BigDecimal.valueOf(900L + bedrooms * 450L + 25L * random.nextInt(80)).setScale(2);
    }

    private static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount.setScale(2).toPlainString(), "currency", currency);
    }

    /** {@code degrees} moved by up to half of {@code spread} either way, to six decimals. */
    static double jitter(SplittableRandom random, double degrees, double spread) {
        return Math.round((degrees + (random.nextDouble() - 0.5) * spread) * 1e6) / 1e6;
    }
}
