package io.alter8.command.lease;

import io.alter8.api.subscription.Features;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/** What the lease HTTP tests share: an owner, an admin, a tenant, a listed property, and the steps to a signed lease. */
abstract class LeaseApiFixture {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient owner;
    ApiClient admin;
    UUID tenantId;
    ApiClient tenant;
    String property;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        tenantId = TestUsers.register(anonymous, "tenant", PASSWORD).id();
        tenant = anonymous.withToken(TestTokens.mint(tenantId, "tenant"));
        property = listedApartment(owner);
    }

    /** Active, verified and listed publicly: tenants apply only to what is on the market. */
    String listedApartment(ApiClient as) {
        Response created = as.post("/api/properties", apartment(null, null, "Flat", "25000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(as.put("/api/properties/" + id + "/status", "{\"status\": \"active\"}").status()).isEqualTo(200);
        assertThat(admin.put("/api/properties/" + id + "/verification", "{\"status\": \"verified\"}").status())
                .isEqualTo(200);
        assertThat(as.put("/api/properties/" + id + "/listing-status", "{\"status\": \"public\"}").status())
                .isEqualTo(200);
        return id;
    }

    static String terms(String rent) {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        return """
                {"startDate": "%s", "endDate": "%s", "noticePeriodDays": 60, "monthlyRent": {"amount": "%s",
                 "currency": "INR"}, "securityDeposit": {"amount": "75000", "currency": "INR"},
                 "annualRentIncreasePercent": 5, "nextRentReviewDate": "%s", "specialTerms": ["No smoking"]}"""
                .formatted(start, start.plusYears(1), rent, start.plusMonths(11));
    }

    /** A tenant's application for the property's only unit. */
    String apply(ApiClient as, String propertyId) {
        Response r = as.post("/api/leases", "{\"propertyId\": \"%s\", \"terms\": %s}".formatted(propertyId,
                                                                                              terms("25000")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    void ok(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Applied by the tenant, approved by both, signed by both: ready to be put into force. */
    String readyLease(ApiClient tenantApi, String propertyId) {
        return approvedAndSigned(apply(tenantApi, propertyId), tenantApi);
    }

    String approvedAndSigned(String lease, ApiClient tenantApi) {
        ok(owner.post("/api/leases/" + lease + "/approval", null));
        ok(tenantApi.post("/api/leases/" + lease + "/approval", null));
        ok(owner.post("/api/leases/" + lease + "/signatures",
                      "{\"as\": \"owner\", \"signatureUrl\": \"https://sign.example/owner\"}"));
        ok(tenantApi.post("/api/leases/" + lease + "/signatures",
                          "{\"as\": \"tenant\", \"signatureUrl\": \"https://sign.example/tenant\", "
                                  + "\"agreementUrl\": \"https://docs.example/lease.pdf\"}"));
        return lease;
    }

    List<String> eventTypes(String id) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, id)
                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** Whether the lease counts against its owner's plan limit of leases in force (1) or not (0). */
    long leasesCounted(String lease) {
        Long counted = jdbc.queryForObject("SELECT count(*) FROM plan_usage_claim WHERE feature = ? AND item_id = ?",
                                           Long.class, Features.LEASES_IN_FORCE, UUID.fromString(lease));
        return counted == null ? 0 : counted;
    }

    /** Which lease took the property's units, in order ("UnitOccupied <lease id>"). */
    List<String> occupancy(String propertyId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]*$') || ' '
                       || (convert_from(payload, 'UTF8')::jsonb ->> 'leaseId')
                FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%.Unit%cupied'
                ORDER BY sequence_number""", String.class, propertyId);
    }

    /** Started 70 days ago: charges 0, 1 and 2 are due (the last 8 to 11 days ago), 3 is not; a 500 fee after 3 days. */
    static String pastTerms() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(70);
        return """
                {"startDate": "%s", "endDate": "%s", "noticePeriodDays": 30, "monthlyRent": {"amount": "25000",
                 "currency": "INR"}, "securityDeposit": {"amount": "50000", "currency": "INR"},
                 "lateFee": {"kind": "flat", "flatAmount": {"amount": "500", "currency": "INR"}, "graceDays": 3}}"""
                .formatted(start, start.plusYears(1).minusDays(1));
    }

    /** The tenant's application, agreed, signed and put into force. */
    String leaseInForce() {
        return leaseInForce(pastTerms());
    }

    String leaseInForce(String terms) {
        Response applied = tenant.post("/api/leases", "{\"propertyId\": \"%s\", \"terms\": %s}"
                .formatted(property, terms));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String lease = approvedAndSigned(applied.json().path("id").asString(), tenant);
        ok(owner.post("/api/leases/" + lease + "/activation", null));
        return lease;
    }

    static String payment(String amount, String method, String gatewayTransactionId) {
        return """
                {"amount": {"amount": "%s", "currency": "INR"}, "method": "%s", "paidAt": "%s",
                 "gatewayId": "razorpay", "gatewayTransactionId": %s}""".formatted(
                amount, method, Instant.now().minusSeconds(60),
                gatewayTransactionId == null ? "null" : "\"" + gatewayTransactionId + "\"");
    }

    /** A field of each event of a type ({@code amount.amount}: a path), in order, as stored. */
    List<String> stored(String lease, String type, String field) {
        return jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb #>> string_to_array(?, '.') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number""",
                                 String.class, field, lease, "io.alter8.api.lease." + type);
    }
}
