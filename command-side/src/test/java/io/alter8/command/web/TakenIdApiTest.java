package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/** An id one kind of aggregate holds cannot be taken by another kind, nor addressed as another kind. */
@CommandSideTest
class TakenIdApiTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient owner;
    String property;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        property = UUID.randomUUID().toString();
        Response created = owner.post("/api/properties", apartment(property, null, "Flat", "25000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    List<String> aggregateTypes(String id) {
        return jdbc.queryForList("SELECT DISTINCT type FROM domain_event_entry WHERE aggregate_identifier = ?",
                                 String.class, id);
    }

    void assertIdTaken(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/id-taken");
        assertThat(r.body()).doesNotContain("Property").doesNotContain("Exception");
    }

    /** The attack: an account made with a property's id answered 500. Sign-up takes no id; admins may give one. */
    @Test
    void registeringAUserWithAPropertysIdIsA409() {
        ApiClient admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        Response r = admin.post("/api/admin/users", """
                {"id": "%s", "email": "taken-%s@example.com", "phone": "+919812345670", "firstName": "Asha",
                 "lastName": "Rao", "role": "tenant", "country": "IN", "password": "%s"}"""
                .formatted(property, property, PASSWORD));

        assertIdTaken(r);
        assertThat(aggregateTypes(property)).containsExactly("Property");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM credential WHERE user_id = ?::uuid", Long.class,
                                       property)).isZero();
    }

    @Test
    void aPropertyOrLeaseWithAUsersIdIsA409() {
        String user = TestUsers.register(anonymous, "tenant", PASSWORD).id().toString();

        assertIdTaken(owner.post("/api/properties", apartment(user, null, "Flat", "25000")));
        assertIdTaken(owner.post("/api/leases", """
                {"id": "%s", "propertyId": "%s", "tenantIds": ["%s"], "terms": {"startDate": "2026-01-01",
                 "endDate": "2027-01-01", "monthlyRent": {"amount": "25000", "currency": "INR"}}}"""
                .formatted(user, property, user)));
        assertThat(aggregateTypes(user)).containsExactly("UserAccount");
    }

    @Test
    void anImportedListingWithAUsersIdFailsAsTaken() {
        String user = TestUsers.register(anonymous, "owner", PASSWORD).id().toString();
        ApiClient admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));

        Response r = admin.post("/api/admin/property-imports", "{\"listings\": [{\"property\": %s}]}"
                .formatted(apartment(user, user, "Flat", "25000")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("results").get(0).path("status").asInt()).isEqualTo(409);
        assertThat(r.json().path("results").get(0).path("type").asString())
                .isEqualTo("https://alter8.io/problems/id-taken");
        assertThat(aggregateTypes(user)).containsExactly("UserAccount");
    }

    @Test
    void aCommandToAnIdOfAnotherKindIsA404() {
        String user = TestUsers.register(anonymous, "tenant", PASSWORD).id().toString();

        Response r = owner.put("/api/properties/" + user + "/status", "{\"status\": \"active\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
        Response lease = owner.post("/api/leases", """
                {"propertyId": "%s", "tenantIds": ["%s"], "terms": {"startDate": "2026-01-01",
                 "endDate": "2027-01-01", "monthlyRent": {"amount": "25000", "currency": "INR"}}}"""
                .formatted(user, user));
        assertThat(lease.status()).as(lease.body()).isEqualTo(404);
    }
}
