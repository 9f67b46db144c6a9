package io.alter8.command.property;

/** Request bodies of the property API, valid against the master data, for the HTTP tests. */
public final class PropertyBodies {

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
}
