package io.alter8.command.user;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.ProfileTestData.aadhaar;
import static io.alter8.command.user.ProfileTestData.accountNumber;
import static io.alter8.command.user.ProfileTestData.gstin;
import static io.alter8.command.user.ProfileTestData.mistyped;
import static io.alter8.command.user.ProfileTestData.pan;
import static io.alter8.command.user.ProfileTestData.register;
import static io.alter8.command.user.ProfileTestData.reraLicence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users set their profile and personal details over HTTP: identity numbers and bank details are stored only
 * encrypted, bad input lists every bad field, and the account decides who may change it and which profile fits.
 */
@CommandSideTest
class UserProfileApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient anonymous;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
    }

    ApiClient as(UUID user, String role) {
        return anonymous.withToken(TestTokens.mint(user, role));
    }

    static String ownerProfile(String pan, String aadhaar, String gstin, String accountNumber, String ifsc) {
        return """
                {"companyName": "Rao Estates", "businessType": "partnership", "panNumber": "%s",
                 "aadhaarNumber": "%s", "gstNumber": "%s",
                 "address": {"line1": "12 MG Road", "city": "Bengaluru", "state": "Karnataka",
                             "postalCode": "560001", "country": "IN"},
                 "bankAccount": {"accountNumber": "%s", "ifscCode": "%s", "bankName": "HDFC Bank",
                                 "accountHolderName": "Rao Estates"},
                 "notificationChannels": ["email", "whatsapp"]}""".formatted(pan, aadhaar, gstin, accountNumber, ifsc);
    }

    static String tenantProfile(String aadhaar, String pan, String emergencyPhone, String referencePhone) {
        return """
                {"dateOfBirth": "1990-04-01", "occupation": "Engineer", "employmentStatus": "employed",
                 "employerName": "Infosys", "monthlyIncome": {"amount": "90000.00", "currency": "INR"},
                 "incomeProofType": "salary_slip", "aadhaarNumber": "%s", "panNumber": "%s",
                 "emergencyContact": {"name": "Meera Rao", "relation": "sister", "phone": "%s"},
                 "preferredPropertyTypes": ["apartment"],
                 "budgetMin": {"amount": "20000", "currency": "INR"},
                 "budgetMax": {"amount": "30000", "currency": "INR"},
                 "preferredLocations": [{"area": "Indiranagar", "city": "Bengaluru", "state": "Karnataka"}],
                 "references": [{"name": "K. Iyer", "relation": "manager", "phone": "%s"}]}"""
                .formatted(aadhaar, pan, emergencyPhone, referencePhone);
    }

    /** RERA licences are unique across users: each agent gets one of their own. */
    static String agentProfile(String reraLicence) {
        return """
                {"reraLicence": "%s", "licenceExpiry": "2099-12-31", "agencyName": "Rao Realty",
                 "specialisations": ["residential"], "commissionRate": 2.5, "commissionType": "percentage",
                 "serviceAreas": [{"city": "Bengaluru", "state": "Karnataka",
                                   "postalCodeRanges": [{"from": "560001", "to": "560100"}]}],
                 "preferredContactTime": "10:00", "availableDays": ["monday", "saturday"], "experienceYears": 6}"""
                .formatted(reraLicence);
    }

    static final String PERSONAL_DETAILS = """
            {"firstName": "Asha", "lastName": "Menon", "preferredLanguage": "hi"}""";

    String storedEvents(UUID user) {
        return String.join("\n", jdbc.queryForList(
                "SELECT payload_type || ' ' || convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, user.toString()));
    }

    @Test
    void anOwnersIdentityNumbersAndBankAccountAreStoredOnlyEncrypted() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();
        String aadhaar = aadhaar();
        String gstin = gstin(pan);
        String account = accountNumber();

        // Spaces and lower case as people type them: normalised before validation and encryption.
        Response r = as(owner, "owner").put("/api/users/" + owner + "/owner-profile",
                                            ownerProfile(pan.toLowerCase(), aadhaar.substring(0, 4) + " "
                                                    + aadhaar.substring(4), gstin, account, "HDFC0001234"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long version = r.json().path("version").asLong();
        assertThat(version).isPositive();
        assertThat(r.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(r.json().path("position").asLong()).isPositive();
        String events = storedEvents(owner);
        assertThat(events).contains("OwnerProfileUpdated", "XXXXXX" + pan.substring(6),
                                    "XXXXXXXXXX" + account.substring(10), "HDFC0001234")
                          .doesNotContain(pan, aadhaar, gstin, account);
    }

    @Test
    void aTenantsIdentityNumbersAndContactsPhonesAreStoredOnlyEncrypted() {
        UUID tenant = register(anonymous, "tenant", "IN");
        String aadhaar = aadhaar();
        String pan = pan();

        Response r = as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile",
                                              tenantProfile(aadhaar, pan, "+919812345678", "+919812340000"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String events = storedEvents(tenant);
        assertThat(events).contains("TenantProfileUpdated", "+9XXXXX678", "Infosys")
                          .doesNotContain(aadhaar, pan, "9812345678", "9812340000", "1990-04-01", "Meera Rao",
                                          "K. Iyer");
    }

    @Test
    void aTenantUnderEighteenIs409AndNothingIsStored() {
        UUID tenant = register(anonymous, "tenant", "IN");
        String young = LocalDate.now(ZoneOffset.UTC).minusYears(18).plusDays(1).toString();

        Response r = as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile",
                                              tenantProfile(aadhaar(), pan(), "+919812345678", "+919812340000")
                                                      .replace("1990-04-01", young));

        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).endsWith("tenant-under-age");
        assertThat(storedEvents(tenant)).doesNotContain("TenantProfileUpdated");
    }

    @Test
    void anAgentSetsTheirProfileAndAnyoneTheirPersonalDetails() {
        UUID agent = register(anonymous, "agent", "IN");
        ApiClient me = as(agent, "agent");

        String licence = reraLicence();
        Response profile = me.put("/api/users/" + agent + "/agent-profile", agentProfile(licence));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        Response details = me.put("/api/users/" + agent + "/personal-details", PERSONAL_DETAILS);
        assertThat(details.status()).as(details.body()).isEqualTo(200);

        assertThat(details.json().path("version").asLong()).isGreaterThan(profile.json().path("version").asLong());
        assertThat(storedEvents(agent)).contains("AgentProfileUpdated", licence, "PersonalDetailsChanged", "M***")
                                       .doesNotContain("Menon");
    }

    @Test
    void anAdminSetsSomeoneElsesProfile() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();

        Response r = admin.put("/api/users/" + owner + "/owner-profile",
                               ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void badInputListsEveryBadField() {
        UUID owner = register(anonymous, "owner", "IN");
        String pan = pan();
        // 4th letter X is no holder type; the Aadhaar's check digit is wrong; an IFSC's 5th character is 0.
        String badPan = pan.substring(0, 3) + "X" + pan.substring(4);

        Response r = as(owner, "owner").put("/api/users/" + owner + "/owner-profile",
                                            ownerProfile(badPan, mistyped(aadhaar()), "", "12", "HDFC1001234"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "panNumber: must be a PAN like ABCPE1234F, its 4th letter the holder type (one of P, C, H, F, A, T,"
                        + " B, L, J, G)",
                "aadhaarNumber: is not a valid Aadhaar number: its check digit does not match (mistyped?)",
                "bankAccount.accountNumber: must be 6 to 18 digits",
                "bankAccount.ifscCode: must be an IFSC like HDFC0001234");

        UUID tenant = register(anonymous, "tenant", "IN");
        Response tenantErrors = as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile", """
                {"aadhaarNumber": "123412341234", "ssnLastFour": "0000", "employmentStatus": "busy",
                 "emergencyContact": {"name": "", "phone": "98123"}, "preferredPropertyTypes": ["castle"]}""");
        assertThat(tenantErrors.status()).isEqualTo(400);
        assertThat(tenantErrors.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("aadhaarNumber", "ssnLastFour", "employmentStatus",
                                           "emergencyContact.name", "emergencyContact.phone",
                                           "preferredPropertyTypes[0]");

        Response gstOfAnother = as(owner, "owner").put("/api/users/" + owner + "/owner-profile",
                                                       ownerProfile(pan, aadhaar(), gstin(pan()), accountNumber(),
                                                                    "HDFC0001234"));
        assertThat(gstOfAnother.fieldErrors())
                .containsExactly("gstNumberOfPan: must contain the PAN given in panNumber");

        Response details = as(owner, "owner").put("/api/users/" + owner + "/personal-details",
                                                  "{\"firstName\": \"\", \"preferredLanguage\": \"Hindi\"}");
        assertThat(details.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactlyInAnyOrder("firstName", "lastName", "preferredLanguage");
    }

    @Test
    void withoutATokenEveryRouteIs401() {
        UUID user = UUID.randomUUID();
        for (String path : List.of("owner-profile", "agent-profile", "tenant-profile", "personal-details")) {
            Response r = anonymous.put("/api/users/" + user + "/" + path, "{}");
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void nobodyButTheUserAndAdminsChangesAnAccount() {
        UUID owner = register(anonymous, "owner", "IN");
        UUID tenant = register(anonymous, "tenant", "IN");
        ApiClient anotherOwner = as(UUID.randomUUID(), "owner");
        String pan = pan();

        Response r = anotherOwner.put("/api/users/" + owner + "/owner-profile",
                                      ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(403);

        assertThat(as(owner, "owner").put("/api/users/" + tenant + "/tenant-profile",
                                          tenantProfile(aadhaar(), pan(), "+919812345678", "+919812340000"))
                                     .status()).isEqualTo(403);
        assertThat(as(tenant, "tenant").put("/api/users/" + owner + "/personal-details", PERSONAL_DETAILS).status())
                .isEqualTo(403);
        assertThat(as(UUID.randomUUID(), "field_executive")
                           .put("/api/users/" + owner + "/personal-details", PERSONAL_DETAILS).status())
                .isEqualTo(403);
        assertThat(storedEvents(owner)).doesNotContain("OwnerProfileUpdated", "PersonalDetailsChanged");
    }

    @Test
    void unknownUsersAre404() {
        UUID nobody = UUID.randomUUID();
        String pan = pan();
        List<Response> answers = List.of(
                admin.put("/api/users/" + nobody + "/owner-profile",
                          ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234")),
                admin.put("/api/users/" + nobody + "/agent-profile", agentProfile(reraLicence())),
                admin.put("/api/users/" + nobody + "/tenant-profile",
                          tenantProfile(aadhaar(), pan(), "+919812345678", "+919812340000")),
                admin.put("/api/users/" + nobody + "/personal-details", PERSONAL_DETAILS));
        for (Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
        }
        // No data key was made for an id that is nobody's.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_data_key WHERE user_id = ?", Long.class, nobody))
                .isZero();
    }

    @Test
    void aProfileOfAnotherRoleIs409() {
        UUID owner = register(anonymous, "owner", "IN");
        UUID tenant = register(anonymous, "tenant", "IN");
        String pan = pan();

        Response tenantProfileOfOwner = as(owner, "owner").put(
                "/api/users/" + owner + "/tenant-profile",
                tenantProfile(aadhaar(), pan(), "+919812345678", "+919812340000"));
        assertThat(tenantProfileOfOwner.status()).as(tenantProfileOfOwner.body()).isEqualTo(409);
        assertThat(tenantProfileOfOwner.contentType()).hasValue("application/problem+json");
        assertThat(as(tenant, "tenant").put("/api/users/" + tenant + "/owner-profile",
                                            ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"))
                                       .status()).isEqualTo(409);
        assertThat(as(tenant, "tenant").put("/api/users/" + tenant + "/agent-profile", agentProfile(reraLicence()))
                                       .status()).isEqualTo(409);
    }

    @Test
    void indianNumbersOnAUsAccountAre409() {
        UUID tenant = register(anonymous, "tenant", "US");

        Response r = as(tenant, "tenant").put("/api/users/" + tenant + "/tenant-profile",
                                              tenantProfile(aadhaar(), pan(), "+12125550123", "+12125550124"));

        assertThat(r.status()).as(r.body()).isEqualTo(409);
    }

    @Test
    void aStaleIfMatchIs412() {
        UUID owner = register(anonymous, "owner", "IN");
        ApiClient me = as(owner, "owner");
        Response first = me.put("/api/users/" + owner + "/personal-details", PERSONAL_DETAILS);
        String etag = first.header("ETag");

        Response second = me.put("/api/users/" + owner + "/personal-details",
                                 "{\"firstName\": \"Asha\", \"lastName\": \"Pillai\"}", "If-Match", etag);
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        String pan = pan();
        Response stale = me.put("/api/users/" + owner + "/owner-profile",
                                ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"),
                                "If-Match", etag);
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.contentType()).hasValue("application/problem+json");
        assertThat(me.put("/api/users/" + owner + "/personal-details", PERSONAL_DETAILS, "If-Match", etag).status())
                .isEqualTo(412);
        assertThat(storedEvents(owner)).doesNotContain("OwnerProfileUpdated");
    }

    @Test
    void aMalformedIfMatchIsA400NamingItAndStoresNothing() {
        UUID owner = register(anonymous, "owner", "IN");
        ApiClient me = as(owner, "owner");
        String pan = pan();

        List<Response> answers = List.of(
                me.put("/api/users/" + owner + "/personal-details", PERSONAL_DETAILS, "If-Match", "3"),
                me.put("/api/users/" + owner + "/owner-profile",
                       ownerProfile(pan, aadhaar(), gstin(pan), accountNumber(), "HDFC0001234"),
                       "If-Match", "\"three\""));

        for (Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(r.fieldErrors()).containsExactly("If-Match: must be one quoted version, like \"3\"");
        }
        assertThat(storedEvents(owner)).doesNotContain("OwnerProfileUpdated", "PersonalDetailsChanged");
    }
}
