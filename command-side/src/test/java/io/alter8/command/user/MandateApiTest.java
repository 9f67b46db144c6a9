package io.alter8.command.user;

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

/** A property manager acts for an owner only with the owner's mandate, given and taken back over HTTP. */
@CommandSideTest
class MandateApiTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    UUID ownerId;
    ApiClient owner;
    UUID managerId;
    ApiClient manager;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        ownerId = TestUsers.register(anonymous, "owner", PASSWORD).id();
        owner = anonymous.withToken(TestTokens.mint(ownerId, "owner"));
        managerId = TestUsers.register(anonymous, "property_manager", PASSWORD).id();
        manager = anonymous.withToken(TestTokens.mint(managerId, "property_manager"));
    }

    String mandate() {
        return "/api/users/" + ownerId + "/managers/" + managerId;
    }

    List<String> eventTypes(Object id) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, id.toString())
                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** The attack: a self-registered manager registers a property in the name of an owner who never chose them. */
    @Test
    void aManagerWithoutTheOwnersMandateCannotRegisterInTheirName() {
        String id = UUID.randomUUID().toString();

        Response r = manager.post("/api/properties", apartment(id, ownerId.toString(), "Not yours", "25000"));

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("detail").asString()).contains("mandate");
        assertThat(eventTypes(id)).isEmpty();
        Response unknownOwner = manager.post("/api/properties", apartment(null, UUID.randomUUID().toString(),
                                                                           "Nobody's", "25000"));
        assertThat(unknownOwner.status()).as("no owner is told apart from an unknown one").isEqualTo(403);
    }

    /** The attack's other half: a manager cannot hand themselves the mandate, nor another owner give it. */
    @Test
    void onlyTheOwnerOrAnAdminGivesAMandate() {
        Response self = manager.put(mandate(), null);
        Response otherOwner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner")).put(mandate(), null);

        assertThat(self.status()).isEqualTo(403);
        assertThat(otherOwner.status()).isEqualTo(403);
        assertThat(otherOwner.contentType()).hasValue("application/problem+json");
        assertThat(eventTypes(ownerId)).doesNotContain("ManagementMandateGranted");
        Response byAdmin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin")).put(mandate(), null);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    }

    @Test
    void withTheMandateTheManagerRegistersAndRunsThePropertyUntilItIsRevoked() {
        Response granted = owner.put(mandate(), null);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(eventTypes(ownerId)).last().isEqualTo("ManagementMandateGranted");

        Response registered = manager.post("/api/properties", apartment(null, ownerId.toString(), "Managed flat",
                                                                        "25000"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String property = registered.json().path("id").asString();
        assertThat(eventTypes(property)).contains("PropertyManagerChanged");
        assertThat(manager.put("/api/properties/" + property + "/monthly-rent",
                               "{\"amount\": \"26000\", \"currency\": \"INR\"}").status()).isEqualTo(200);

        Response revoked = owner.delete(mandate());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(eventTypes(ownerId)).last().isEqualTo("ManagementMandateRevoked");
        Response again = manager.post("/api/properties", apartment(null, ownerId.toString(), "Another", "25000"));
        assertThat(again.status()).isEqualTo(403);
    }

    @Test
    void aMandateGoesToAnActivePropertyManager() {
        UUID agent = TestUsers.register(anonymous, "agent", PASSWORD).id();

        Response r = owner.put("/api/users/" + ownerId + "/managers/" + agent, null);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/not-a-property-manager");
    }
}
