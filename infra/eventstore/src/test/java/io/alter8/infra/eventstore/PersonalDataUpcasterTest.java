package io.alter8.infra.eventstore;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.UserRegistered;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event that carried names, contacts or a date of birth in plain text, read from its stored revision 1: it
 * becomes revision 2 with those values as stored-plain {@link EncryptedValue}s of the person, masked as new events
 * mask them, and every other field as it was.
 */
class PersonalDataUpcasterTest {

    static final String USER = "3f2b8c1e-aaaa-4bbb-8ccc-dddddddddddd";
    static final String USER_REGISTERED_1 = """
            {"userId": "%s", "email": "priya@example.com", "phone": "+919876543210", "firstName": "Priya",
             "lastName": "Sharma", "role": "owner", "country": "IN", "preferredLanguage": "hi", "registeredBy": null}"""
            .formatted(USER);
    static final String PERSONAL_DETAILS_CHANGED_1 = """
            {"userId": "%s", "firstName": "Priya", "lastName": "Rao", "preferredLanguage": "kn",
             "profilePictureUrl": null, "changedBy": "%s"}""".formatted(USER, USER);
    static final String TENANT_PROFILE_UPDATED_1 = """
            {"userId": "%s", "profile": {"dateOfBirth": "1995-04-12", "occupation": "Engineer",
             "employmentStatus": "employed", "employerName": "Infosys", "workAddress": null, "monthlyIncome": null,
             "annualIncome": null, "incomeProofType": null, "aadhaarNumber": null, "panNumber": null,
             "ssnLastFour": null,
             "emergencyContact": {"name": "Ravi Sharma", "relation": "father", "phone": null},
             "preferredPropertyTypes": ["apartment"], "budgetMin": null, "budgetMax": null, "preferredLocations": [],
             "previousLandlord": null,
             "references": [{"name": "Anita", "relation": "colleague", "phone": null},
                            {"name": "Mr Rao", "relation": "landlord", "phone": null}]},
             "updatedBy": "%s"}""".formatted(USER, USER);
    static final String OWNER_PROFILE_UPDATED_1 = """
            {"userId": "%s", "profile": {"companyName": "Sharma Estates", "businessType": "company",
             "panNumber": null, "aadhaarNumber": null, "gstNumber": null, "address": null, "kycDocumentIds": [],
             "bankAccount": {"accountNumber": {"keyId": "7a4ee2f0-1b6c-4d0e-9a55-3f3f3f3f3f3f",
                             "algorithm": "AES-256-GCM", "ciphertext": "AAAA", "fingerprint": "fp",
                             "masked": "XXXXXXXXXX6789"},
                             "ifscCode": "HDFC0001234", "bankName": "HDFC Bank", "accountHolderName": "Priya Sharma"},
             "notificationChannels": ["email"]}, "updatedBy": "%s"}""".formatted(USER, USER);
    static final String DOCUMENT_SIGNED_1 = """
            {"documentId": "%s", "entityType": "lease", "entityId": "%s", "documentType": "lease_agreement",
             "version": 1, "signerId": "%s", "signerName": "Asha Rao", "signedAt": "2026-11-22T10:00:00Z",
             "signatureImage": "img", "ipAddress": "198.18.0.1", "fullySigned": false}"""
            .formatted(UUID.randomUUID(), UUID.randomUUID(), USER);

    final Serializer serializer = EventSerialization.serializer();

    <T> T upcast(String type, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "UserAccount", USER, 0, UUID.randomUUID().toString(), Instant.now(), type, "1",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new PersonalDataUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(upcast.get(0).getData());
    }

    static void assertStoredPlain(EncryptedValue value, String plaintext, String masked) {
        assertThat(value.storedPlain()).isTrue();
        assertThat(value.keyId()).as("the owner, whose erasure makes it unreadable").isEqualTo(USER);
        assertThat(new String(Base64.getDecoder().decode(value.ciphertext()), StandardCharsets.UTF_8))
                .isEqualTo(plaintext);
        assertThat(value.masked()).isEqualTo(masked);
    }

    @Test
    void aRegistrationOfRevisionOneCarriesItsContactsAndNamesAsTheUsersStoredPlainValues() {
        UserRegistered event = upcast("io.alter8.api.user.UserRegistered", USER_REGISTERED_1);

        assertStoredPlain(event.email(), "priya@example.com", "p***@***.com");
        assertStoredPlain(event.phone(), "+919876543210", "+9XXXXX210");
        assertStoredPlain(event.firstName(), "Priya", "P***");
        assertStoredPlain(event.lastName(), "Sharma", "S***");
        assertThat(event.userId().toString()).isEqualTo(USER);
        assertThat(event.role().wire()).isEqualTo("owner");
        assertThat(event.preferredLanguage()).isEqualTo("hi");
        assertThat(event.registeredBy()).isNull();
    }

    @Test
    void theSameStoredEventReadTwiceGivesEqualValues() {
        UserRegistered once = upcast("io.alter8.api.user.UserRegistered", USER_REGISTERED_1);
        UserRegistered again = upcast("io.alter8.api.user.UserRegistered", USER_REGISTERED_1);
        assertThat(again).isEqualTo(once);
        assertThat(again.email().fingerprint()).isEqualTo(once.email().fingerprint());
    }

    @Test
    void changedDetailsAndVerifiedContactsOfRevisionOne() {
        PersonalDetailsChanged details = upcast("io.alter8.api.user.PersonalDetailsChanged",
                                                PERSONAL_DETAILS_CHANGED_1);
        assertStoredPlain(details.firstName(), "Priya", "P***");
        assertStoredPlain(details.lastName(), "Rao", "R***");
        assertThat(details.preferredLanguage()).isEqualTo("kn");

        EmailVerified email = upcast("io.alter8.api.user.EmailVerified",
                                     "{\"userId\": \"" + USER + "\", \"email\": \"priya@example.com\"}");
        assertStoredPlain(email.email(), "priya@example.com", "p***@***.com");
        PhoneVerified phone = upcast("io.alter8.api.user.PhoneVerified",
                                     "{\"userId\": \"" + USER + "\", \"phone\": \"+919876543210\"}");
        assertStoredPlain(phone.phone(), "+919876543210", "+9XXXXX210");
    }

    @Test
    void aTenantProfileOfRevisionOneCarriesTheBirthDateAndEveryNamedPersonAsStoredPlainValues() {
        TenantProfileUpdated event = upcast("io.alter8.api.user.TenantProfileUpdated", TENANT_PROFILE_UPDATED_1);

        assertStoredPlain(event.profile().dateOfBirth(), "1995-04-12", "***");
        assertStoredPlain(event.profile().emergencyContact().name(), "Ravi Sharma", "R***");
        assertThat(event.profile().emergencyContact().relation()).isEqualTo("father");
        assertThat(event.profile().previousLandlord()).isNull();
        assertThat(event.profile().references()).hasSize(2);
        assertStoredPlain(event.profile().references().get(0).name(), "Anita", "A***");
        assertStoredPlain(event.profile().references().get(1).name(), "Mr Rao", "M***");
        assertThat(event.profile().occupation()).isEqualTo("Engineer");
        assertThat(event.profile().employerName()).isEqualTo("Infosys");
    }

    @Test
    void anOwnerProfileOfRevisionOneCarriesTheAccountHoldersNameAsAStoredPlainValue() {
        OwnerProfileUpdated event = upcast("io.alter8.api.user.OwnerProfileUpdated", OWNER_PROFILE_UPDATED_1);

        assertStoredPlain(event.profile().bankAccount().accountHolderName(), "Priya Sharma", "P***");
        assertThat(event.profile().bankAccount().accountNumber().masked()).isEqualTo("XXXXXXXXXX6789");
        assertThat(event.profile().bankAccount().accountNumber().storedPlain()).isFalse();
        assertThat(event.profile().companyName()).isEqualTo("Sharma Estates");
    }

    @Test
    void aSignatureOfRevisionOneCarriesTheSignersNameAsTheirStoredPlainValue() {
        DocumentSigned event = upcast("io.alter8.api.document.DocumentSigned", DOCUMENT_SIGNED_1);

        assertStoredPlain(event.signerName(), "Asha Rao", "A***");
        assertThat(event.signerId().toString()).isEqualTo(USER);
        assertThat(event.ipAddress()).isEqualTo("198.18.0.1");
    }

    @Test
    void storedEventsAreShownWithTheirPlainValuesInTheEncryptedFormAndOthersAsTheyAre() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode shown = PersonalDataUpcaster.sealed("io.alter8.api.user.UserRegistered", "1",
                                                     json.readTree(USER_REGISTERED_1));
        assertThat(shown.get("firstName").get("masked").asString()).isEqualTo("P***");
        assertThat(shown.toString()).doesNotContain("\"Priya\"");

        JsonNode current = json.readTree("{\"userId\": \"" + USER + "\", \"firstName\": \"Priya\"}");
        assertThat(PersonalDataUpcaster.sealed("io.alter8.api.user.UserRegistered", "2", current)).isSameAs(current);
    }
}
