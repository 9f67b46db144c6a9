package io.alter8.infra.local;

import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Valid, varied {@code POST /api/properties} bodies for the benchmark: cities of both markets, types, bedrooms and
 * rents spread out, so the read models see realistic rows rather than one repeated listing.
 */
final class SampleProperties {

    private record City(String name, String state, String postalCode, String country, double latitude,
                        double longitude) {
    }

    private static final List<City> CITIES = List.of(
            new City("Bengaluru", "Karnataka", "560001", "IN", 12.9716, 77.5946),
            new City("Mumbai", "Maharashtra", "400001", "IN", 19.0760, 72.8777),
            new City("Pune", "Maharashtra", "411001", "IN", 18.5204, 73.8567),
            new City("Hyderabad", "Telangana", "500001", "IN", 17.3850, 78.4867),
            new City("Chennai", "Tamil Nadu", "600001", "IN", 13.0827, 80.2707),
            new City("New Delhi", "Delhi", "110001", "IN", 28.6139, 77.2090),
            new City("Kolkata", "West Bengal", "700001", "IN", 22.5726, 88.3639),
            new City("Austin", "TX", "78701", "US", 30.2672, -97.7431),
            new City("Seattle", "WA", "98101", "US", 47.6062, -122.3321),
            new City("Chicago", "IL", "60601", "US", 41.8781, -87.6298));
    private static final List<String> INDIAN_TYPES = List.of("apartment", "apartment", "house", "villa", "pg");
    private static final List<String> US_TYPES = List.of("apartment", "single_family", "condo", "multi_family");
    private static final List<String> STREETS = List.of("MG Road", "Park Street", "Main Street", "Lake View Road",
                                                        "Station Road", "Elm Street", "Church Street");

    private final JsonMapper json = JsonMapper.builder().build();

    /** Body number {@code n}; the same {@code n} and seed give the same body. */
    String registerBody(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        City city = CITIES.get(random.nextInt(CITIES.size()));
        boolean india = city.country().equals("IN");
        String type = india ? INDIAN_TYPES.get(random.nextInt(INDIAN_TYPES.size()))
                            : US_TYPES.get(random.nextInt(US_TYPES.size()));
        int bedrooms = type.equals("pg") ? 1 : 1 + random.nextInt(5);
        // Half steps from 1.0 up to bedrooms + 0.5.
        BigDecimal bathrooms = BigDecimal.valueOf(2 + random.nextInt(bedrooms * 2), 0)
                                         .divide(BigDecimal.valueOf(2)).setScale(1);
        // Rent in steps of 500 INR or 25 USD, rising with the bedrooms.
        BigDecimal rent = india
                ? BigDecimal.valueOf(8_000L + bedrooms * 6_000L + 500L * random.nextInt(60)).setScale(2)
                : BigDecimal.valueOf(900L + bedrooms * 450L + 25L * random.nextInt(80)).setScale(2);

        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", (1 + random.nextInt(400)) + " " + STREETS.get(random.nextInt(STREETS.size())));
        address.put("city", city.name());
        address.put("state", city.state());
        address.put("postalCode", city.postalCode());
        address.put("country", city.country());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", bedrooms + (india ? "BHK " : " bed ") + type.replace('_', ' ') + " in " + city.name());
        body.put("description", "Benchmark listing #" + n);
        body.put("propertyType", type);
        body.put("address", address);
        body.put("location", Map.of("latitude", jitter(random, city.latitude()),
                                     "longitude", jitter(random, city.longitude())));
        body.put("bedrooms", bedrooms);
        body.put("bathrooms", bathrooms);
        body.put("monthlyRent", Map.of("amount", rent.toPlainString(), "currency", india ? "INR" : "USD"));
        return json.writeValueAsString(body);
    }

    private static double jitter(SplittableRandom random, double degrees) {
        return Math.round((degrees + (random.nextDouble() - 0.5) * 0.1) * 1e6) / 1e6;
    }
}
