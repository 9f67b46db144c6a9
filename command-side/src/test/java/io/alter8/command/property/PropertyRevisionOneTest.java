package io.alter8.command.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.OccupyUnit;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property registered before revision 2 — one stored {@code PropertyRegistered} of revision 1, no units — is
 * upcast on reading, decided on by the aggregate, and its one implicit unit (id = the property's) is recorded when it
 * is first let.
 */
@CommandSideTest
class PropertyRevisionOneTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway gateway;

    @Test
    void aRevisionOnePropertyIsUpcastAndLivesOnWithItsImplicitUnit() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Property', ?, 'io.alter8.api.property.PropertyRegistered', '1', ?, ?)""",
                    UUID.randomUUID().toString(), id.toString(), Instant.now().toString(), """
                {"propertyId": "%s", "title": "2BHK in Indiranagar", "description": "Sunny flat",
                 "propertyType": "apartment",
                 "address": {"line1": "12 MG Road", "line2": null, "city": "Bengaluru", "state": "Karnataka",
                             "postalCode": "560001", "country": "IN"},
                 "location": {"latitude": 12.9716, "longitude": 77.5946},
                 "bedrooms": 2, "bathrooms": 1.5, "monthlyRent": {"amount": "25000.00", "currency": "INR"}}"""
                            .formatted(id).getBytes(StandardCharsets.UTF_8),
                    ("{\"userId\": \"" + owner + "\", \"userRoles\": \"owner\"}").getBytes(StandardCharsets.UTF_8));
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        ApiClient api = anonymous.withToken(TestTokens.mint(owner, "owner"));
        String path = "/api/properties/" + id;

        assertThat(anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"))
                            .put(path + "/status", "{\"status\": \"active\"}").status())
                .as("the owner is read from the upcast event: another owner is refused as an outsider").isEqualTo(404);
        Response activated = api.put(path + "/status", "{\"status\": \"active\"}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        // Going on the market records the implicit unit first, so that the read side knows what is available.
        assertThat(activated.json().path("version").asLong()).isEqualTo(2);
        assertThat(api.put(path + "/monthly-rent", "{\"amount\": \"26000\", \"currency\": \"INR\"}").status())
                .isEqualTo(200);

        UUID tenant = UUID.randomUUID();
        gateway.sendAndWait(new OccupyUnit(new PropertyId(id), new UnitId(id), LeaseId.random(),
                                           List.of(new UserId(tenant))));

        List<String> types = jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                                       + "ORDER BY sequence_number", String.class, id.toString());
        assertThat(types).containsExactly("io.alter8.api.property.PropertyRegistered",
                                          "io.alter8.api.property.UnitAdded",
                                          "io.alter8.api.property.PropertyStatusChanged",
                                          "io.alter8.api.property.MonthlyRentChanged",
                                          "io.alter8.api.property.UnitRevised",
                                          "io.alter8.api.property.UnitOccupied",
                                          "io.alter8.api.property.PropertyStatusChanged");
        JsonNode unit = ApiClient.json().readTree(jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number = 4", String.class, id.toString()));
        assertThat(unit.path("unitId").asString()).isEqualTo(id.toString());
        assertThat(unit.path("spec").path("unitNumber").asString()).isEqualTo("1");
        assertThat(unit.path("spec").path("monthlyRent").path("amount").asString()).isEqualTo("26000.00");
        assertThat(unit.path("spec").path("bedrooms").asInt()).isEqualTo(2);

        Response review = anonymous.withToken(TestTokens.mint(tenant, "tenant"))
                                   .post(path + "/reviews", "{\"rating\": 5}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
    }
}
