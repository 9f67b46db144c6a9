package io.alter8.command;

import io.alter8.infra.stack.ApiContract;
import io.alter8.infra.stack.PublishedApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's published OpenAPI: valid, secured, every answer documented, and as committed in api/. */
@CommandSideTest
class ApiContractTest extends PublishedApiTest {

    ApiContractTest() {
        super(Path.of("..", "api", "command-side.json"));
    }

    @Test
    void aLeaseProposalIsDocumentedWithTheLeasesOwnTerms() {
        JsonNode body = spec.at("/paths/~1api~1leases/post/requestBody/content/application~1json");
        assertThat(body.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/ProposalRequest");
        JsonNode schemas = spec.path("components").path("schemas");
        assertThat(schemas.at("/ProposalRequest/properties/terms/$ref").asString())
                .isEqualTo("#/components/schemas/LeaseTermsInput");
        JsonNode terms = schemas.path("LeaseTermsInput");
        assertThat(terms.path("properties").propertyNames()).contains("startDate", "endDate", "monthlyRent")
                                                            .doesNotContain("availableFrom", "leaseDurationMonths");
        assertThat(terms.path("required").valueStream().map(JsonNode::asString))
                .contains("startDate", "endDate", "monthlyRent");
        assertThat(terms.at("/properties/agreementType/enum").valueStream().map(JsonNode::asString))
                .containsExactly("standard", "custom", "legal");
        assertThat(body.at("/examples/propose-lease/value/terms/startDate").asString()).isEqualTo("2026-12-01");
    }

    @Test
    void aCreationAnswers201WithLocationETagAndTheCommandAnswer() {
        JsonNode operation = spec.at("/paths/~1api~1properties/post");
        assertThat(operation.path("responses").has("200")).isFalse();
        JsonNode created = operation.at("/responses/201");
        assertThat(created.at("/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/CommandAccepted");
        assertThat(created.path("headers").propertyNames()).contains("Location", "ETag");
        assertThat(spec.at("/components/schemas/CommandAccepted/properties").propertyNames())
                .containsExactlyInAnyOrder("id", "version", "position");
        assertThat(operation.at("/requestBody/content/application~1json/examples/register-property/value/title")
                            .asString()).isEqualTo("2BHK in Indiranagar");
        assertThat(operation.path("security").get(0).has(ApiContract.BEARER_SCHEME)).isTrue();
    }

    @Test
    void aChangeTakesIfMatchAndIdempotencyKeyAndSaysWhatEachRefusalMeans() {
        JsonNode operation = spec.at("/paths/~1api~1properties~1{id}~1monthly-rent/put");
        List<String> headers = operation.path("parameters").valueStream()
                                        .filter(p -> p.path("in").asString().equals("header"))
                                        .map(p -> p.path("name").asString()).toList();
        assertThat(headers).contains("If-Match", "Idempotency-Key");
        assertThat(operation.path("responses").propertyNames())
                .contains("200", "400", "401", "403", "404", "409", "412", "422", "429");
        assertThat(operation.at("/responses/200/headers").has("ETag")).isTrue();
        assertThat(operation.at("/responses/429/headers").has("Retry-After")).isTrue();
        assertThat(operation.at("/responses/412/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo(ApiContract.PROBLEM_REF);
        assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/MoneyInput");
        // Amounts travel as decimal strings ("25000.00"), as the conventions say.
        assertThat(spec.at("/components/schemas/MoneyInput/properties/amount/type").asString()).isEqualTo("string");
    }

    @Test
    void signUpAndLoginArePublicAndLoginDocumentsTheSecondFactor() {
        assertThat(spec.at("/paths/~1api~1auth~1register/post/security").isEmpty()).isTrue();
        assertThat(spec.at("/paths/~1api~1auth~1register/post/responses").has("401")).isFalse();
        JsonNode login = spec.at("/paths/~1api~1auth~1login/post");
        assertThat(login.path("security").isArray() && login.path("security").isEmpty()).isTrue();
        assertThat(login.at("/responses/200/content/application~1json/schema/$ref").asString())
                .endsWith("/TokenAnswer");
        assertThat(login.at("/responses/202/content/application~1json/schema/$ref").asString())
                .endsWith("/SecondFactorAnswer");
        assertThat(spec.at("/paths/~1api~1auth~1logout/post/responses").has("204")).isTrue();
        assertThat(spec.at("/paths/~1api~1auth~1logout/post/security/0").has(ApiContract.BEARER_SCHEME)).isTrue();
    }
}
