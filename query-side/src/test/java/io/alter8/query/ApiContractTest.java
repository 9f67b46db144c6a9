package io.alter8.query;

import io.alter8.infra.stack.ApiContract;
import io.alter8.infra.stack.PublishedApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side's published OpenAPI: valid, secured, every answer documented, and as committed in api/. */
@QuerySideTest
class ApiContractTest extends PublishedApiTest {

    ApiContractTest() {
        super(Path.of("..", "api", "query-side.json"));
    }

    @Test
    void everyRouteTakesXAwaitPositionAndSays503WithRetryAfter() {
        for (ApiContract.Operation operation : ApiContract.operations(spec)) {
            assertThat(operation.hasHeaderParameter("X-Await-Position")).as(operation.toString()).isTrue();
            assertThat(operation.response("503").path("headers").has("Retry-After")).as(operation.toString())
                                                                                     .isTrue();
            assertThat(operation.node().path("security").get(0).has(ApiContract.BEARER_SCHEME))
                    .as(operation.toString()).isTrue();
        }
    }

    @Test
    void theSearchDocumentsEveryFilterWithItsType() {
        JsonNode search = spec.at("/paths/~1api~1properties/get");
        Map<String, JsonNode> parameters = search.path("parameters").valueStream()
                .collect(Collectors.toMap(p -> p.path("name").asString(), p -> p));
        assertThat(parameters).containsKeys("city", "minRent", "maxRent", "minBedrooms", "furnishing", "near",
                                            "radiusKm", "sort", "page", "size");
        assertThat(parameters.get("minBedrooms").at("/schema/type").asString()).isEqualTo("integer");
        assertThat(parameters.get("furnishing").at("/schema/enum").valueStream().map(JsonNode::asString))
                .containsExactly("unfurnished", "semi_furnished", "fully_furnished");
        assertThat(search.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/PropertySearchPage");
    }

    @Test
    void aSingleEntityCarriesItsETagAndReadPosition() {
        JsonNode ok = spec.at("/paths/~1api~1properties~1{id}/get/responses/200");
        assertThat(ok.path("headers").propertyNames()).contains("ETag", "X-Read-Position");
        assertThat(spec.at("/paths/~1api~1properties~1{id}/get/responses/404/content/application~1problem+json"
                           + "/schema/$ref").asString()).isEqualTo(ApiContract.PROBLEM_REF);
        JsonNode summary = spec.at("/components/schemas/PropertySummary");
        assertThat(summary.at("/properties/status/enum").valueStream().map(JsonNode::asString))
                .contains("draft", "active");
        assertThat(summary.path("required").valueStream().map(JsonNode::asString)).contains("bedrooms", "version");
        assertThat(spec.at("/components/schemas/Money/properties/amount/type").asString()).isEqualTo("string");
    }
}
