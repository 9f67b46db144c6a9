package io.alter8.command.property;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;

import java.util.List;
import java.util.UUID;

/** Request bodies of the property API, valid against the master data, for the HTTP tests. */
public final class PropertyBodies {

    /** A request to one of the routes that change a property. */
    public record Change(String method, String path, String body) {

        public Response send(ApiClient client, String... headers) {
            return switch (method) {
                case "POST" -> client.post(path, body, headers);
                case "PUT" -> client.put(path, body, headers);
                case "DELETE" -> client.delete(path, headers);
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    private PropertyBodies() {
    }

    /** A 2BHK apartment in Koramangala, Bangalore; {@code id} and {@code ownerId} may be null. */
    public static String apartment(String id, String ownerId, String title, String rent) {
        return """
                {%s%s"title": %s, "description": "Sunny 2BHK near the park", "propertyType": "apartment",
                 "specs": {"subType": "2bhk", "carpetArea": 950, "bedrooms": 2, "bathrooms": 1.5,
                           "floorNumber": 3, "totalFloors": 5, "furnishing": "semi_furnished"},
                 "location": {"address": {"line1": "12 80 Feet Road", "city": "Bangalore", "state": "Karnataka",
                                          "postalCode": "560034", "country": "IN"},
                              "areaName": "Koramangala", "coordinates": {"latitude": 12.9352, "longitude": 77.6245}},
                 "terms": {"monthlyRent": {"amount": "%s", "currency": "INR"},
                           "securityDeposit": {"amount": "50000", "currency": "INR"}, "leaseDurationMonths": 11},
                 "preferences": {"petsAllowed": true, "preferredTenantType": "family"},
                 "amenities": [{"code": "gym"}, {"code": "parking"}]}"""
                .formatted(id == null ? "" : "\"id\": \"" + id + "\", ",
                           ownerId == null ? "" : "\"ownerId\": \"" + ownerId + "\", ",
                           title == null ? "null" : "\"" + title + "\"", rent);
    }

    /** A multi-family building in Boston with units 1A and 1B. */
    public static String building(String id, String title) {
        return """
                {%s"title": "%s", "propertyType": "multi_family",
                 "specs": {"builtUpArea": 4000, "bedrooms": 4, "bathrooms": 3, "constructionYear": 1998},
                 "location": {"address": {"line1": "200 Beacon St", "city": "Boston", "state": "MA",
                                          "postalCode": "02116", "country": "US"},
                              "areaName": "Back Bay", "coordinates": {"latitude": 42.3505, "longitude": -71.0763}},
                 "terms": {"monthlyRent": {"amount": "2400", "currency": "USD"}},
                 "units": [{"unitNumber": "1A", "bedrooms": 2, "bathrooms": 1, "areaSqft": 800,
                            "monthlyRent": {"amount": "2400", "currency": "USD"}, "amenities": ["in_unit_laundry"]},
                           {"unitNumber": "1B", "bedrooms": 2, "bathrooms": 1.5, "areaSqft": 850,
                            "monthlyRent": {"amount": "2500", "currency": "USD"}, "features": {"view": "river"}}]}"""
                .formatted(id == null ? "" : "\"id\": \"" + id + "\", ", title);
    }

    /** A valid request for every route that changes the apartment {@code id}, as its owner or an admin sends it. */
    public static List<Change> changes(String id) {
        String base = "/api/properties/" + id;
        String unit = """
                {"unitNumber": "1", "bedrooms": 1, "bathrooms": 1, "monthlyRent": {"amount": "1000", "currency": "INR"}}""";
        String rent = "{\"amount\": \"21000\", \"currency\": \"INR\"}";
        String unitPath = base + "/units/" + UUID.randomUUID();
        return List.of(new Change("PUT", base, apartment(null, null, "Flat", "20000")),
                       new Change("PUT", base + "/rental-terms", "{\"monthlyRent\": " + rent + "}"),
                       new Change("PUT", base + "/monthly-rent", rent),
                       new Change("PUT", base + "/amenities", "{\"amenities\": []}"),
                       new Change("POST", base + "/units", unit),
                       new Change("PUT", unitPath, unit),
                       new Change("DELETE", unitPath, null),
                       new Change("PUT", base + "/listing-status", "{\"status\": \"private\"}"),
                       new Change("PUT", base + "/status", "{\"status\": \"inactive\"}"),
                       new Change("PUT", base + "/hud-approval", "{\"approved\": false}"),
                       new Change("PUT", base + "/listing-agent", "{\"agentId\": null}"),
                       new Change("PUT", base + "/manager", "{\"managerId\": null}"),
                       new Change("PUT", base + "/verification", "{\"status\": \"in_progress\"}"),
                       new Change("POST", base + "/reviews", "{\"rating\": 5}"),
                       new Change("POST", base + "/verifications", "{\"type\": \"standard\"}"));
    }
}
