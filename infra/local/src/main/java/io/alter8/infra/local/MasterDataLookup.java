package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The master data as the query side serves it: what seeded listings and benchmark searches are made of. */
record MasterDataLookup(List<City> cities, List<String> amenityCodes) {

    record City(String name, String stateCode, String country, double latitude, double longitude,
                List<Area> areas) {
    }

    record Area(String name, String postalCode) {
    }

    static MasterDataLookup fetch(StackHttp http, URI queryUrl, String token) {
        List<City> cities = new ArrayList<>();
        for (JsonNode city : http.getJson(queryUrl.resolve("/api/lookups/cities"), token)) {
            List<Area> areas = new ArrayList<>();
            for (JsonNode area : http.getJson(queryUrl.resolve("/api/lookups/cities/" + city.path("id").asString()
                                                                       + "/areas"), token)) {
                areas.add(new Area(area.path("name").asString(), area.path("postalCode").asString()));
            }
            if (!areas.isEmpty()) {
                areas.sort(Comparator.comparing(Area::name));
                cities.add(new City(city.path("name").asString(), city.path("stateCode").asString(),
                                    city.path("country").asString(), city.path("latitude").asDouble(),
                                    city.path("longitude").asDouble(), List.copyOf(areas)));
            }
        }
        List<String> amenities = new ArrayList<>();
        for (JsonNode amenity : http.getJson(queryUrl.resolve("/api/lookups/amenities"), token)) {
            amenities.add(amenity.path("code").asString());
        }
        // Sorted: the same seed must make the same listings whatever order the service answers in (a cached
        // lookup comes from a Redis hash, whose order is not the database's).
        cities.sort(Comparator.comparing(City::country).thenComparing(City::name));
        amenities.sort(Comparator.naturalOrder());
        if (cities.isEmpty() || amenities.isEmpty()) {
            throw new BenchException("the query side serves no master data");
        }
        return new MasterDataLookup(List.copyOf(cities), List.copyOf(amenities));
    }
}
