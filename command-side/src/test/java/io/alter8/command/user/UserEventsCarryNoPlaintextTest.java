package io.alter8.command.user;

import io.alter8.api.common.Address;
import io.alter8.api.common.Country;
import io.alter8.api.common.Mask;
import io.alter8.api.common.Money;
import io.alter8.api.common.NotificationChannel;
import io.alter8.api.common.UserId;
import io.alter8.api.property.PropertyType;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.EmploymentStatus;
import io.alter8.api.user.IncomeProofType;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.ManagementMandateRevoked;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.PostalCodeRange;
import io.alter8.api.user.PreferredLocation;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserErasureRequested;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.user.Weekday;
import io.alter8.command.privacy.InMemoryDataKeys;
import io.alter8.infra.eventstore.EventSerialization;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user event as the event store writes it (the project's serializer): no identity number, bank account
 * number, name, e-mail address, phone or date of birth from the input appears in it, and it reads back as it was.
 */
class UserEventsCarryNoPlaintextTest {

    private static final String OWNER_PAN = "ABCPE1234F";
    private static final String OWNER_AADHAAR = "234123412346";
    private static final String GSTIN = "29ABCPE1234F1Z5";
    private static final String ACCOUNT_NUMBER = "50100123456789";
    private static final String TENANT_AADHAAR = "499118665246";
    private static final String TENANT_PAN = "BXYPK4321Q";
    private static final String SSN_LAST_FOUR = "6789";
    private static final String EMERGENCY_PHONE = "+919812345678";
    private static final String LANDLORD_PHONE = "+919812341111";
    private static final String REFERENCE_PHONE = "+919812340000";
    private static final String EMAIL = "priya@example.com";
    private static final String PHONE = "+919876543210";
    private static final String FIRST_NAME = "Priya";
    private static final String LAST_NAME = "Sharma";
    private static final String NEW_LAST_NAME = "Rao";
    private static final String HOLDER = "Priya Sharma";
    private static final String DATE_OF_BIRTH = "1995-04-12";
    private static final String EMERGENCY_CONTACT = "Ravi Sharma";
    private static final String LANDLORD = "Mr Rao";
    private static final String REFERENCE = "Anita";
    private static final List<String> SECRETS = List.of(OWNER_PAN, OWNER_AADHAAR, GSTIN, ACCOUNT_NUMBER,
                                                        TENANT_AADHAAR, TENANT_PAN, SSN_LAST_FOUR, EMERGENCY_PHONE,
                                                        LANDLORD_PHONE, REFERENCE_PHONE, EMAIL, PHONE, FIRST_NAME,
                                                        LAST_NAME, NEW_LAST_NAME, HOLDER, DATE_OF_BIRTH,
                                                        EMERGENCY_CONTACT, LANDLORD, REFERENCE);

    private final PersonalDataCipher cipher = InMemoryDataKeys.cipher();
    private final Serializer serializer = EventSerialization.serializer();
    private final UserId user = new UserId(UUID.fromString("3f2b8c1e-aaaa-4bbb-8ccc-dddddddddddd"));
    private final UserId admin = new UserId(UUID.fromString("0a1b2c3d-eeee-4fff-8aaa-bbbbbbbbbbbb"));

    private List<Object> everyUserEvent() {
        OwnerProfile owner = new OwnerProfile(
                "Sharma Estates", BusinessType.COMPANY, cipher.encrypt(user, OWNER_PAN, Mask.LAST_FOUR),
                cipher.encrypt(user, OWNER_AADHAAR, Mask.LAST_FOUR), cipher.encrypt(user, GSTIN, Mask.LAST_FOUR),
                new Address("12 MG Road", "Floor 2", "Bengaluru", "Karnataka", "560001", "IN"),
                List.of(UUID.randomUUID()),
                new BankAccount(cipher.encrypt(user, ACCOUNT_NUMBER, Mask.LAST_FOUR), "HDFC0001234", "HDFC Bank",
                                cipher.encrypt(user, HOLDER, Mask.NAME)),
                List.of(NotificationChannel.EMAIL, NotificationChannel.WHATSAPP));
        AgentProfile agent = new AgentProfile(
                "PRM/KA/RERA/1251/309/AG/180515/001234", LocalDate.parse("2028-05-31"), "Bengaluru Homes", null,
                List.of("residential"), new BigDecimal("2.50"), CommissionType.PERCENTAGE,
                List.of(new ServiceArea("Bengaluru", "Karnataka", List.of(new PostalCodeRange("560001", "560100")))),
                LocalTime.of(10, 30), List.of(Weekday.MONDAY, Weekday.SATURDAY), 7, List.of(UUID.randomUUID()));
        TenantProfile tenant = new TenantProfile(
                cipher.encrypt(user, DATE_OF_BIRTH, Mask.HIDDEN), "Engineer", EmploymentStatus.EMPLOYED, "Infosys",
                new Address("Electronic City", null, "Bengaluru", "Karnataka", "560100", "IN"),
                Money.of("150000", "INR"), Money.of("1800000", "INR"), IncomeProofType.SALARY_SLIP,
                cipher.encrypt(user, TENANT_AADHAAR, Mask.LAST_FOUR), cipher.encrypt(user, TENANT_PAN, Mask.LAST_FOUR),
                cipher.encrypt(user, SSN_LAST_FOUR, Mask.LAST_FOUR),
                new ContactPerson(cipher.encrypt(user, EMERGENCY_CONTACT, Mask.NAME), "father",
                                  cipher.encrypt(user, EMERGENCY_PHONE, Mask.PHONE)),
                List.of(PropertyType.APARTMENT, PropertyType.PG), Money.of("20000", "INR"), Money.of("30000", "INR"),
                List.of(new PreferredLocation("Koramangala", "Bengaluru", "Karnataka")),
                new ContactPerson(cipher.encrypt(user, LANDLORD, Mask.NAME), "previous landlord",
                                  cipher.encrypt(user, LANDLORD_PHONE, Mask.PHONE)),
                List.of(new ContactPerson(cipher.encrypt(user, REFERENCE, Mask.NAME), "colleague",
                                  cipher.encrypt(user, REFERENCE_PHONE, Mask.PHONE))));
        return List.of(
                new UserRegistered(user, cipher.encrypt(user, EMAIL, Mask.EMAIL),
                                   cipher.encrypt(user, PHONE, Mask.PHONE), cipher.encrypt(user, FIRST_NAME, Mask.NAME),
                                   cipher.encrypt(user, LAST_NAME, Mask.NAME), Role.OWNER, Country.IN, "hi", null),
                new EmailVerified(user, cipher.encrypt(user, EMAIL, Mask.EMAIL)),
                new PhoneVerified(user, cipher.encrypt(user, PHONE, Mask.PHONE)),
                new RoleChanged(user, Role.OWNER, Role.TENANT, admin),
                new UserDeactivated(user, "on request", admin),
                new UserReactivated(user, admin),
                new UserLoggedIn(user, Instant.parse("2026-11-22T10:15:30Z")),
                new PersonalDetailsChanged(user, cipher.encrypt(user, FIRST_NAME, Mask.NAME),
                                           cipher.encrypt(user, NEW_LAST_NAME, Mask.NAME), "kn",
                                           "https://cdn.alter8.io/p/1.jpg", user),
                new OwnerProfileUpdated(user, owner, user),
                new OwnerKycStatusChanged(user, KycStatus.PENDING, KycStatus.VERIFIED, "documents match", admin),
                new AgentProfileUpdated(user, agent, user),
                new AgentVerificationStatusChanged(user, AgentVerificationStatus.PENDING,
                                                   AgentVerificationStatus.VERIFIED, null, admin),
                new TenantProfileUpdated(user, tenant, user),
                new TenantScreeningRecorded(user, CheckStatus.PASSED, UUID.randomUUID(), CheckStatus.PASSED, 780,
                                            admin),
                new ManagementMandateGranted(user, UserId.random(), user),
                new ManagementMandateRevoked(user, UserId.random(), admin),
                new UserErasureRequested(user),
                new UserErased(user, "the user's request", true, admin));
    }

    @Test
    void coversEveryUserEvent() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<String> declared = scanner.findCandidateComponents("io.alter8.api.user").stream()
                                       .map(BeanDefinition::getBeanClassName).sorted().toList();
        assertThat(everyUserEvent().stream().map(e -> e.getClass().getName()).sorted().toList())
                .isEqualTo(declared);
    }

    @Test
    void noEventCarriesAnIdentityNumberBankAccountNameContactOrBirthDateInPlainText() {
        for (Object event : everyUserEvent()) {
            String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                if (secret.length() >= 8) {
                    assertThat(json).as(event.getClass().getSimpleName()).doesNotContain(secret);
                }
            }
            // Four digits are also the visible end of a masked account number, and can turn up by chance in
            // base64; as a value of their own they must not.
            assertThat(textValues(JsonMapper.builder().build().readTree(json)))
                    .as(event.getClass().getSimpleName()).doesNotContainAnyElementsOf(SECRETS);
        }
    }

    @Test
    void everyEventReadsBackAsItWasWritten() {
        for (Object event : everyUserEvent()) {
            SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
            assertThat(written.getType().getRevision())
                    .isEqualTo(event.getClass().getAnnotation(Revision.class).value());
            Object read = serializer.deserialize(written);
            assertThat(read).isEqualTo(event);
        }
    }

    @Test
    void theMaskedFormsAreWhatTheEventsShow() {
        String json = new String(serializer.serialize(everyUserEvent().get(12), byte[].class).getData(),
                                 StandardCharsets.UTF_8);
        assertThat(json).contains("\"masked\":\"XXXXXXXX5246\"", "\"masked\":\"XXXX\"",
                                  "\"masked\":\"+9XXXXX678\"", "\"masked\":\"R***\"", "\"masked\":\"***\"");
        String registered = new String(serializer.serialize(everyUserEvent().get(0), byte[].class).getData(),
                                       StandardCharsets.UTF_8);
        assertThat(registered).contains("\"masked\":\"p***@***.com\"", "\"masked\":\"+9XXXXX210\"",
                                        "\"masked\":\"P***\"", "\"masked\":\"S***\"");
    }

    private static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        collect(node, values);
        return values;
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isString()) {
            values.add(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, values);
        }
    }
}
