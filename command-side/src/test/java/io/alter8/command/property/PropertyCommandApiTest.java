package io.alter8.command.property;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideTest
class PropertyCommandApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;
    final UUID owner = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(owner, "owner"));
    }

    static String property(String id, String title, String rent) {
        return """
                {%s "title": %s, "description": "Sunny 2BHK near the metro", "propertyType": "apartment",
                 "address": {"line1": "12 MG Road", "city": "Bengaluru", "state": "Karnataka",
                             "postalCode": "560001", "country": "IN"},
                 "location": {"latitude": 12.9716, "longitude": 77.5946},
                 "bedrooms": 2, "bathrooms": 1.5,
                 "monthlyRent": {"amount": "%s", "currency": "INR"}}"""
                .formatted(id == null ? "" : "\"id\": \"" + id + "\",",
                           title == null ? "null" : "\"" + title + "\"", rent);
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void registeringAPropertyAnswers201WithLocationVersionAndPosition() {
        Response r = api.post("/api/properties", property(null, "2BHK in Indiranagar", "25000.00"),
                              "X-Correlation-Id", "corr-123");

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        String id = body.path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(body.path("version").asLong()).isZero();
        long position = body.path("position").asLong();
        assertThat(position).isPositive();
        assertThat(r.header("Location")).isEqualTo("http://query.test/api/properties/" + id);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        assertThat(r.header("X-Correlation-Id")).isEqualTo("corr-123");

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT global_index, payload_type, payload_revision,
                       convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta
                FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat(row.get("global_index")).isEqualTo(position);
        assertThat(row.get("payload_type")).isEqualTo("io.alter8.api.property.PropertyRegistered");
        assertThat(row.get("payload_revision")).isEqualTo("1");
        JsonNode payload = ApiClient.json().readTree((String) row.get("payload"));
        assertThat(payload.path("title").asString()).isEqualTo("2BHK in Indiranagar");
        assertThat(payload.path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(payload.path("propertyType").asString()).isEqualTo("apartment");
        JsonNode meta = ApiClient.json().readTree((String) row.get("meta"));
        assertThat(meta.path("correlationId").asString()).isEqualTo("corr-123");
        assertThat(meta.path("causationId").asString()).isNotBlank();
        assertThat(meta.path("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(meta.path("userId").asString()).isEqualTo(owner.toString());
        assertThat(meta.path("userRoles").asString()).isEqualTo("owner");
    }

    @Test
    void badInputIsA400ListingEveryBadFieldAndStoresNothing() {
        long before = eventCount();
        String body = """
                {"title": null, "propertyType": "castle",
                 "address": {"line1": "", "city": "Pune", "state": "MH", "postalCode": "12", "country": "IN"},
                 "location": {"latitude": 200, "longitude": 73.8},
                 "bedrooms": -1, "bathrooms": 1.25,
                 "monthlyRent": {"amount": "-5", "currency": "XYZ"}}""";

        Response r = api.post("/api/properties", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/invalid-input");
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "title: must not be blank",
                "propertyType: must be one of: apartment, house, villa, commercial, plot, pg, single_family, "
                        + "multi_family, condo",
                "address.line1: must not be blank",
                "address.postalCode: must be a 6-digit Indian pincode",
                "location.latitude: must be less than or equal to 90",
                "bedrooms: must be greater than or equal to 0",
                "bathrooms: must be a whole or half number (1, 1.5, 2 …)",
                "monthlyRent.amount: must be > 0",
                "monthlyRent.currency: must be an ISO 4217 currency code such as INR or USD");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        Response r = api.post("/api/properties", "{\"title\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/malformed-body");
        assertThat(r.body()).doesNotContain("Exception", "jackson", "at [Source");
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        Response r = api.post("/api/properties", property(null, "Flat", "25000").replace("\"bedrooms\": 2",
                                                                                           "\"bedrooms\": \"two\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("bedrooms: has an invalid value or type");
    }

    @Test
    void registeringTheSameIdTwiceWithTheSameBodyIsIdempotent() {
        String id = UUID.randomUUID().toString();
        Response first = api.post("/api/properties", property(id, "Villa", "90000"));
        long count = eventCount();
        Response second = api.post("/api/properties", property(id, "Villa", "90000"));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(eventCount()).isEqualTo(count);
    }

    @Test
    void registeringAnExistingIdWithOtherDetailsIsA409() {
        String id = UUID.randomUUID().toString();
        api.post("/api/properties", property(id, "Villa", "90000"));
        Response r = api.post("/api/properties", property(id, "Villa", "95000"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString())
                .isEqualTo("https://alter8.io/problems/property-already-registered");
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheFirstAnswerAgainAndStoreNothing() {
        String key = "key-" + UUID.randomUUID();
        Response first = api.post("/api/properties", property(null, "Studio", "12000"), "Idempotency-Key", key);
        long count = eventCount();
        Response again = api.post("/api/properties", property(null, "Studio", "12000"), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(count);

        String id = first.json().path("id").asString();
        String meta = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, id);
        assertThat(ApiClient.json().readTree(meta).path("idempotencyKey").asString()).isEqualTo(key);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() {
        String key = "key-" + UUID.randomUUID();
        api.post("/api/properties", property(null, "Studio", "12000"), "Idempotency-Key", key);
        long count = eventCount();
        Response r = api.post("/api/properties", property(null, "Studio", "13000"), "Idempotency-Key", key);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(count);
    }

    @Test
    void aRejectedRequestIsAlsoRememberedUnderItsKey() {
        String key = "key-" + UUID.randomUUID();
        Response first = api.post("/api/properties", property(null, null, "12000"), "Idempotency-Key", key);
        Response again = api.post("/api/properties", property(null, null, "12000"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void ifMatchAppliesAChangeOnlyAtTheExpectedVersion() {
        Response created = api.post("/api/properties", property(null, "Flat", "20000"));
        String id = created.json().path("id").asString();
        String rent = "{\"amount\": \"21000\", \"currency\": \"INR\"}";

        Response changed = api.put("/api/properties/" + id + "/monthly-rent", rent, "If-Match", "\"0\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(changed.json().path("position").asLong()).isGreaterThan(created.json().path("position").asLong());
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");

        long count = eventCount();
        Response stale = api.put("/api/properties/" + id + "/monthly-rent",
                                 "{\"amount\": \"22000\", \"currency\": \"INR\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).hasValue("application/problem+json");
        assertThat(stale.json().path("type").asString()).isEqualTo("https://alter8.io/problems/version-mismatch");
        assertThat(eventCount()).isEqualTo(count);
    }

    @Test
    void aChangeThatIsAlreadyTrueAnswersTheCurrentVersion() {
        String id = api.post("/api/properties", property(null, "Flat", "20000")).json().path("id").asString();
        Response r = api.put("/api/properties/" + id + "/monthly-rent", "{\"amount\": \"20000.00\", \"currency\": \"INR\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("version").asLong()).isZero();
    }

    @Test
    void aMalformedIfMatchIsA400() {
        String id = api.post("/api/properties", property(null, "Flat", "20000")).json().path("id").asString();
        Response r = api.put("/api/properties/" + id + "/monthly-rent", "{\"amount\": \"1\", \"currency\": \"INR\"}",
                             "If-Match", "version 0");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("If-Match: must be one quoted version, like \"3\"");
    }

    @Test
    void changingAnUnknownPropertyIsA404() {
        Response r = api.put("/api/properties/" + UUID.randomUUID() + "/monthly-rent",
                             "{\"amount\": \"21000\", \"currency\": \"INR\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
    }

    @Test
    void changingTheRentToAnotherCurrencyIsA409() {
        String id = api.post("/api/properties", property(null, "Flat", "20000")).json().path("id").asString();
        Response r = api.put("/api/properties/" + id + "/monthly-rent", "{\"amount\": \"300\", \"currency\": \"USD\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("detail").asString()).isEqualTo("the rent of this property is in INR");
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        Response r = api.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).as(r.body()).hasValue("application/problem+json");
    }
}
