package io.alter8.query.user;

import io.alter8.api.user.ServiceArea;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** An agent's service areas as JSON in one column: shown as they are, filtered through the city keys beside them. */
final class ServiceAreas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ServiceArea>> LIST = new TypeReference<>() {
    };

    private ServiceAreas() {
    }

    static String toJson(List<ServiceArea> areas) {
        return areas == null || areas.isEmpty() ? null : JSON.writeValueAsString(areas);
    }

    static List<ServiceArea> fromJson(String json) {
        return json == null ? List.of() : JSON.readValue(json, LIST);
    }
}
