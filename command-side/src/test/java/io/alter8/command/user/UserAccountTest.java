package io.alter8.command.user;

import io.alter8.api.common.Address;
import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.Money;
import io.alter8.api.common.NotificationChannel;
import io.alter8.api.common.UserId;
import io.alter8.api.property.PropertyType;
import io.alter8.api.user.Actor;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.ChangePersonalDetails;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.EmploymentStatus;
import io.alter8.api.user.GrantManagementMandate;
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
import io.alter8.api.user.ReactivateUser;
import io.alter8.api.user.RecordLogin;
import io.alter8.api.user.RecordTenantScreening;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.ReviewAgentLicence;
import io.alter8.api.user.ReviewOwnerKyc;
import io.alter8.api.user.RevokeManagementMandate;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UpdateAgentProfile;
import io.alter8.api.user.UpdateOwnerProfile;
import io.alter8.api.user.UpdateTenantProfile;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.user.VerifyEmail;
import io.alter8.api.user.VerifyPhone;
import io.alter8.api.user.Weekday;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.privacy.SamePlaintext;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final UserId ID = UserId.random();
    private static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);
    private static final Actor SUPER_ADMIN = new Actor(UserId.random(), Role.SUPER_ADMIN);
    private static final Actor FIELD_EXECUTIVE = new Actor(UserId.random(), Role.FIELD_EXECUTIVE);
    private static final Actor SOMEONE_ELSE = new Actor(UserId.random(), Role.OWNER);
    private static final EncryptedValue EMAIL = encrypted("email", "p***@***.com");
    private static final EncryptedValue PHONE = encrypted("phone", "+9XXXXX210");
    private static final EncryptedValue PRIYA = name("Priya");
    private static final EncryptedValue SHARMA = name("Sharma");
    private static final EncryptedValue RAO = name("Rao");

    private static final UserId MANAGER = UserId.random();

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> user.equals(MANAGER)
                && role == Role.PROPERTY_MANAGER);
        fixture.registerInjectableResource((SamePlaintext) Objects::equals);
    }

    private static Actor self(Role role) {
        return new Actor(ID, role);
    }

    private static RegisterUser register(Role role, Actor by) {
        return new RegisterUser(ID, EMAIL, PHONE, PRIYA, SHARMA, role, Country.IN, "hi", by);
    }

    private static UserRegistered registered(Role role) {
        return registered(role, Country.IN);
    }

    private static UserRegistered registered(Role role, Country country) {
        return new UserRegistered(ID, EMAIL, PHONE, PRIYA, SHARMA, role, country, "hi", null);
    }

    /** An encrypted value as the cipher would make it; equal fingerprints mean equal plaintexts. */
    private static EncryptedValue encrypted(String fingerprint, String masked) {
        return encrypted(fingerprint, masked, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    private static EncryptedValue encrypted(String fingerprint, String masked, String ciphertext) {
        return new EncryptedValue("7a4ee2f0-1b6c-4d0e-9a55-3f3f3f3f3f3f", EncryptedValue.AES_256_GCM, ciphertext,
                                  fingerprint, masked);
    }

    /** A name as the cipher would encrypt it for the user: equal names, equal fingerprints. */
    private static EncryptedValue name(String plaintext) {
        return encrypted("name:" + plaintext, Mask.NAME.apply(plaintext));
    }

    private static EncryptedValue born(String isoDate) {
        return encrypted("dob:" + isoDate, Mask.HIDDEN.apply(isoDate));
    }

    private static final EncryptedValue PAN = encrypted("pan", "XXXXXX234F");
    private static final EncryptedValue AADHAAR = encrypted("aadhaar", "XXXXXXXX2346");
    private static final EncryptedValue GSTIN = encrypted("gstin", "XXXXXXXXXXX1ZV");
    private static final EncryptedValue ACCOUNT = encrypted("account", "XXXXXXXXXX6789");
    private static final Address ADDRESS = new Address("12 MG Road", null, "Bengaluru", "Karnataka", "560001", "IN");

    private static OwnerProfile ownerProfile(EncryptedValue pan) {
        return new OwnerProfile("Sharma Estates", BusinessType.COMPANY, pan, AADHAAR, GSTIN, ADDRESS,
                                List.of(UUID.fromString("0b7e8d22-5c1a-4f7e-8a51-27b1d5f0c001")),
                                new BankAccount(ACCOUNT, "HDFC0001234", "HDFC Bank", name("Sharma Estates")),
                                List.of(NotificationChannel.WHATSAPP, NotificationChannel.EMAIL));
    }

    private static AgentProfile agentProfile(String licence, LocalDate expiry, String commissionRate) {
        return new AgentProfile(licence, expiry, "Bengaluru Homes", "PRM/KA/RERA/1251/309/AG/180515/000001",
                                List.of("residential", "commercial"), new BigDecimal(commissionRate),
                                CommissionType.PERCENTAGE,
                                List.of(new ServiceArea("Bengaluru", "Karnataka",
                                                        List.of(new PostalCodeRange("560001", "560100")))),
                                LocalTime.of(10, 0), List.of(Weekday.MONDAY, Weekday.SATURDAY), 7, List.of());
    }

    private static AgentProfile agentProfile() {
        return agentProfile("PRM/KA/RERA/1251/309/AG/180515/001234", TODAY.plusYears(2), "2.00");
    }

    private static TenantProfile tenantProfile(EncryptedValue dateOfBirth, EncryptedValue aadhaar, EncryptedValue ssn,
                                               Money budgetMin, Money budgetMax) {
        return new TenantProfile(dateOfBirth, "Engineer", EmploymentStatus.EMPLOYED, "Infosys", ADDRESS,
                                 Money.of("150000", "INR"), Money.of("1800000", "INR"), IncomeProofType.SALARY_SLIP,
                                 aadhaar, null, ssn,
                                 new ContactPerson(name("Ravi Sharma"), "father", encrypted("ec", "+9XXXXX211")),
                                 List.of(PropertyType.APARTMENT), budgetMin, budgetMax,
                                 List.of(new PreferredLocation("Koramangala", "Bengaluru", "Karnataka")),
                                 new ContactPerson(name("Mr Rao"), "previous landlord", encrypted("pl", "+9XXXXX212")),
                                 List.of(new ContactPerson(name("Anita"), "colleague",
                                                           encrypted("ref", "+9XXXXX213"))));
    }

    private static TenantProfile tenantProfile() {
        return tenantProfile(born("1995-04-12"), AADHAAR, null, Money.of("20000", "INR"),
                             Money.of("30000", "INR"));
    }

    private TestExecutor<UserAccount> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    // Registration

    @Test
    void registersAUserWhoSignsThemselvesUp() {
        fixture.givenNoPriorActivity()
               .when(register(Role.OWNER, null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(Role.OWNER));
    }

    @Test
    void registeringTheSameIdWithTheSameDetailsAgainChangesNothing() {
        fixture.given(registered(Role.OWNER))
               .when(register(Role.OWNER, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRegisterTheSameIdWithOtherDetails() {
        fixture.given(registered(Role.OWNER))
               .when(register(Role.TENANT, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("user " + ID + " is already registered with other details");
    }

    @Test
    void aUserWithoutAPreferredLanguageGetsEnglish() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(ID, EMAIL, PHONE, PRIYA, SHARMA, Role.TENANT, Country.IN, null, null))
               .expectEvents(new UserRegistered(ID, EMAIL, PHONE, PRIYA, SHARMA, Role.TENANT, Country.IN, "en",
                                                null));
    }

    @Test
    void cannotRegisterWithoutAName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(ID, EMAIL, PHONE, null, SHARMA, Role.TENANT, Country.IN, "en", null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("firstName is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"field_executive", "admin", "super_admin", "auditor", "analyst"})
    void nobodySignsThemselvesUpForAStaffRole(String role) {
        fixture.givenNoPriorActivity()
               .when(register(Role.fromWire(role), null))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only owners, tenants, agents and property managers can sign themselves up");
    }

    @Test
    void adminsRegisterStaff() {
        fixture.givenNoPriorActivity()
               .when(register(Role.FIELD_EXECUTIVE, ADMIN))
               .expectEvents(new UserRegistered(ID, EMAIL, PHONE, PRIYA, SHARMA, Role.FIELD_EXECUTIVE,
                                                Country.IN, "hi", ADMIN.userId()));
    }

    @Test
    void onlyASuperAdminRegistersAnAdmin() {
        fixture.givenNoPriorActivity()
               .when(register(Role.ADMIN, ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only a super admin acts on the admin and super admin roles");
    }

    @Test
    void aSuperAdminRegistersAnAdmin() {
        fixture.givenNoPriorActivity()
               .when(register(Role.ADMIN, SUPER_ADMIN))
               .expectEvents(new UserRegistered(ID, EMAIL, PHONE, PRIYA, SHARMA, Role.ADMIN, Country.IN, "hi",
                                                SUPER_ADMIN.userId()));
    }

    @Test
    void theSystemRegistersTheFirstSuperAdmin() {
        fixture.givenNoPriorActivity()
               .when(register(Role.SUPER_ADMIN, Actor.system()))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOwnerCannotRegisterSomeoneElse() {
        fixture.givenNoPriorActivity()
               .when(register(Role.TENANT, SOMEONE_ELSE))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only admins give the role tenant");
    }

    // E-mail and phone

    @Test
    void verifiesTheEmailAddress() {
        fixture.given(registered(Role.OWNER))
               .when(new VerifyEmail(ID, EMAIL))
               .expectEvents(new EmailVerified(ID, EMAIL));
    }

    @Test
    void verifyingAVerifiedEmailAddressAgainChangesNothing() {
        fixture.given(registered(Role.OWNER), new EmailVerified(ID, EMAIL))
               .when(new VerifyEmail(ID, encrypted("email", "p***@***.com", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotVerifyAnAddressThatIsNotTheUsers() {
        fixture.given(registered(Role.OWNER))
               .when(new VerifyEmail(ID, encrypted("another-email", "s***@***.com")))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("this is not the user's e-mail address");
    }

    @Test
    void verifiesThePhoneIndependentlyOfTheEmail() {
        fixture.given(registered(Role.OWNER))
               .when(new VerifyPhone(ID, PHONE))
               .expectEvents(new PhoneVerified(ID, PHONE));
    }

    @Test
    void verifyingAVerifiedPhoneAgainChangesNothing() {
        fixture.given(registered(Role.OWNER), new EmailVerified(ID, EMAIL), new PhoneVerified(ID, PHONE))
               .when(new VerifyPhone(ID, PHONE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotVerifyAPhoneThatIsNotTheUsers() {
        fixture.given(registered(Role.OWNER))
               .when(new VerifyPhone(ID, encrypted("another-phone", "+9XXXXX211")))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("this is not the user's phone number");
    }

    // Roles

    @Test
    void adminsChangeRoles() {
        fixture.given(registered(Role.OWNER))
               .when(new ChangeRole(ID, Role.AGENT, ADMIN))
               .expectEvents(new RoleChanged(ID, Role.OWNER, Role.AGENT, ADMIN.userId()));
    }

    @Test
    void givingTheSameRoleAgainChangesNothing() {
        fixture.given(registered(Role.OWNER))
               .when(new ChangeRole(ID, Role.OWNER, ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyAdminsChangeRoles() {
        fixture.given(registered(Role.OWNER))
               .when(new ChangeRole(ID, Role.AGENT, FIELD_EXECUTIVE))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only admins change roles");
    }

    @Test
    void nobodyChangesTheirOwnRole() {
        fixture.given(registered(Role.ADMIN))
               .when(new ChangeRole(ID, Role.SUPER_ADMIN, self(Role.ADMIN)))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("nobody changes their own role");
    }

    @Test
    void onlyASuperAdminMakesSomeoneAnAdmin() {
        fixture.given(registered(Role.OWNER))
               .when(new ChangeRole(ID, Role.ADMIN, ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only a super admin acts on the admin and super admin roles");
    }

    @Test
    void onlyASuperAdminTakesTheAdminRoleAway() {
        fixture.given(registered(Role.ADMIN))
               .when(new ChangeRole(ID, Role.ANALYST, ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void aSuperAdminMakesSomeoneAnAdmin() {
        fixture.given(registered(Role.FIELD_EXECUTIVE))
               .when(new ChangeRole(ID, Role.ADMIN, SUPER_ADMIN))
               .expectEvents(new RoleChanged(ID, Role.FIELD_EXECUTIVE, Role.ADMIN, SUPER_ADMIN.userId()));
    }

    @Test
    void aCommandThatDoesNotSayWhoSendsItIsRefused() {
        fixture.given(registered(Role.OWNER))
               .when(new ChangeRole(ID, Role.AGENT, null))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("the command does not say who sends it");
    }

    @Test
    void theProfileOfAPreviousRoleNoLongerApplies() {
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID),
              new RoleChanged(ID, Role.OWNER, Role.TENANT, ADMIN.userId()),
              new RoleChanged(ID, Role.TENANT, Role.OWNER, ADMIN.userId()))
                .when(new ReviewOwnerKyc(ID, KycStatus.VERIFIED, null, ADMIN))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the user has no owner profile to review");
    }

    // Deactivation

    @Test
    void usersDeactivateTheirOwnAccount() {
        fixture.given(registered(Role.TENANT))
               .when(new DeactivateUser(ID, "moving abroad", self(Role.TENANT)))
               .expectEvents(new UserDeactivated(ID, "moving abroad", ID));
    }

    @Test
    void adminsDeactivateOthersAccounts() {
        fixture.given(registered(Role.AGENT))
               .when(new DeactivateUser(ID, " ", ADMIN))
               .expectEvents(new UserDeactivated(ID, null, ADMIN.userId()));
    }

    @Test
    void nobodyElseDeactivatesAnAccount() {
        fixture.given(registered(Role.TENANT))
               .when(new DeactivateUser(ID, null, SOMEONE_ELSE))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only the user or an admin can deactivate an account");
    }

    @Test
    void onlyASuperAdminDeactivatesAnAdmin() {
        fixture.given(registered(Role.ADMIN))
               .when(new DeactivateUser(ID, null, ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void deactivatingADeactivatedAccountChangesNothing() {
        fixture.given(registered(Role.TENANT), new UserDeactivated(ID, null, ID))
               .when(new DeactivateUser(ID, null, ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    static Stream<Object> everythingButReactivation() {
        return Stream.of(new VerifyEmail(ID, EMAIL), new VerifyPhone(ID, PHONE),
                         new ChangeRole(ID, Role.AGENT, ADMIN), new RecordLogin(ID, NOW),
                         new ChangePersonalDetails(ID, PRIYA, RAO, "en", null, ADMIN, null),
                         new UpdateTenantProfile(ID, tenantProfile(), ADMIN, null),
                         new RecordTenantScreening(ID, CheckStatus.PASSED, null, CheckStatus.PASSED, 780, ADMIN));
    }

    @ParameterizedTest
    @MethodSource("everythingButReactivation")
    void aDeactivatedUserCanDoNothingButBeReactivated(Object command) {
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID),
              new UserDeactivated(ID, null, ID))
                .when(command)
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("this account is deactivated");
    }

    @Test
    void adminsReactivateAnAccount() {
        fixture.given(registered(Role.TENANT), new UserDeactivated(ID, null, ID))
               .when(new ReactivateUser(ID, ADMIN))
               .expectEvents(new UserReactivated(ID, ADMIN.userId()));
    }

    @Test
    void aReactivatedUserActsAgain() {
        fixture.given(registered(Role.TENANT), new UserDeactivated(ID, null, ID), new UserReactivated(ID, ID))
               .when(new VerifyEmail(ID, EMAIL))
               .expectEvents(new EmailVerified(ID, EMAIL));
    }

    @Test
    void reactivatingAnActiveAccountChangesNothing() {
        fixture.given(registered(Role.TENANT))
               .when(new ReactivateUser(ID, ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void nobodyReactivatesTheirOwnAccount() {
        fixture.given(registered(Role.ADMIN), new UserDeactivated(ID, null, SUPER_ADMIN.userId()))
               .when(new ReactivateUser(ID, self(Role.ADMIN)))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("nobody reactivates their own account");
    }

    @Test
    void onlyAdminsReactivateAnAccount() {
        fixture.given(registered(Role.TENANT), new UserDeactivated(ID, null, ID))
               .when(new ReactivateUser(ID, FIELD_EXECUTIVE))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only admins reactivate accounts");
    }

    // Logins and personal details

    @Test
    void recordsTheLastLogin() {
        fixture.given(registered(Role.TENANT), new UserLoggedIn(ID, NOW.minusSeconds(3600)))
               .when(new RecordLogin(ID, NOW))
               .expectEvents(new UserLoggedIn(ID, NOW));
    }

    @Test
    void aLoginNotLaterThanTheLastChangesNothing() {
        fixture.given(registered(Role.TENANT), new UserLoggedIn(ID, NOW))
               .when(new RecordLogin(ID, NOW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void usersChangeTheirPersonalDetails() {
        fixture.given(registered(Role.TENANT))
               .when(new ChangePersonalDetails(ID, PRIYA, RAO, "kn", "https://cdn.alter8.io/p/1.jpg",
                                               self(Role.TENANT), null))
               .expectEvents(new PersonalDetailsChanged(ID, PRIYA, RAO, "kn", "https://cdn.alter8.io/p/1.jpg",
                                                        ID));
    }

    @Test
    void theSamePersonalDetailsChangeNothing() {
        fixture.given(registered(Role.TENANT))
               .when(new ChangePersonalDetails(ID, PRIYA, SHARMA, "hi", "", ADMIN, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void nobodyElseChangesSomeonesPersonalDetails() {
        fixture.given(registered(Role.TENANT))
               .when(new ChangePersonalDetails(ID, PRIYA, RAO, "hi", null, SOMEONE_ELSE, null))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only the user or an admin can change this account");
    }

    @Test
    void personalDetailsAreNotChangedFromAStaleVersion() {
        fixture.given(registered(Role.TENANT), new EmailVerified(ID, EMAIL))
               .when(new ChangePersonalDetails(ID, PRIYA, RAO, "hi", null, self(Role.TENANT), 0L))
               .expectNoEvents()
               .expectException(ConflictingAggregateVersionException.class);
    }

    // Owner profile and KYC

    @Test
    void ownersSetTheirProfile() {
        given(registered(Role.OWNER))
                .when(new UpdateOwnerProfile(ID, ownerProfile(PAN), self(Role.OWNER), null))
                .expectEvents(new OwnerProfileUpdated(ID, ownerProfile(PAN), ID));
    }

    @Test
    void adminsSetAnOwnersProfile() {
        given(registered(Role.OWNER))
                .when(new UpdateOwnerProfile(ID, ownerProfile(PAN), ADMIN, null))
                .expectEvents(new OwnerProfileUpdated(ID, ownerProfile(PAN), ADMIN.userId()));
    }

    @Test
    void theSameProfileEncryptedAgainChangesNothing() {
        // A fresh encryption of the same PAN has another ciphertext but the same fingerprint.
        EncryptedValue samePanNewCiphertext = encrypted("pan", "XXXXXX234F", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID))
                .when(new UpdateOwnerProfile(ID, ownerProfile(samePanNewCiphertext), self(Role.OWNER), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyElseSetsSomeonesProfile() {
        given(registered(Role.OWNER))
                .when(new UpdateOwnerProfile(ID, ownerProfile(PAN), SOMEONE_ELSE, null))
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void aProfileMustMatchTheUsersRole() {
        given(registered(Role.TENANT))
                .when(new UpdateOwnerProfile(ID, ownerProfile(PAN), self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("only a user with role owner has an owner profile");
    }

    @Test
    void indianIdentityNumbersAreForUsersInIndia() {
        given(registered(Role.OWNER, Country.US))
                .when(new UpdateOwnerProfile(ID, ownerProfile(PAN), self(Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("PAN, Aadhaar and GST numbers are for users in India");
    }

    @Test
    void aCompanyNeedsItsName() {
        OwnerProfile unnamed = new OwnerProfile(null, BusinessType.PARTNERSHIP, PAN, null, null, null, null, null,
                                                null);
        given(registered(Role.OWNER))
                .when(new UpdateOwnerProfile(ID, unnamed, self(Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("a company or partnership needs its name");
    }

    @Test
    void anIndianBankAccountNeedsAnIfsc() {
        OwnerProfile withoutIfsc = new OwnerProfile(null, BusinessType.INDIVIDUAL, PAN, null, null, null, null,
                                                    new BankAccount(ACCOUNT, null, "HDFC Bank",
                                                                    name("Priya Sharma")), null);
        given(registered(Role.OWNER))
                .when(new UpdateOwnerProfile(ID, withoutIfsc, self(Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("bankAccount.ifscCode is required");
    }

    @Test
    void anIfscIsForIndianAccountsOnly() {
        OwnerProfile usOwner = new OwnerProfile(null, BusinessType.INDIVIDUAL, null, null, null, null, null,
                                                new BankAccount(ACCOUNT, "HDFC0001234", "Chase",
                                                                name("Jane Doe")), null);
        given(registered(Role.OWNER, Country.US))
                .when(new UpdateOwnerProfile(ID, usOwner, self(Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("an IFSC is for bank accounts in India");
    }

    @Test
    void changingThePanOfAVerifiedOwnerSendsKycBackToPending() {
        EncryptedValue newPan = encrypted("pan-2", "XXXXXX999F");
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID),
              new OwnerKycStatusChanged(ID, KycStatus.PENDING, KycStatus.VERIFIED, null, FIELD_EXECUTIVE.userId()))
                .when(new UpdateOwnerProfile(ID, ownerProfile(newPan), self(Role.OWNER), null))
                .expectEvents(new OwnerProfileUpdated(ID, ownerProfile(newPan), ID),
                              new OwnerKycStatusChanged(ID, KycStatus.VERIFIED, KycStatus.PENDING,
                                                        "KYC details changed", null));
    }

    @Test
    void changingOtherOwnerDetailsKeepsTheKyc() {
        OwnerProfile verified = ownerProfile(PAN);
        OwnerProfile moved = new OwnerProfile(verified.companyName(), verified.businessType(), PAN, AADHAAR, GSTIN,
                                              new Address("1 Residency Road", null, "Bengaluru", "Karnataka",
                                                          "560025", "IN"),
                                              verified.kycDocumentIds(), verified.bankAccount(),
                                              verified.notificationChannels());
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, verified, ID),
              new OwnerKycStatusChanged(ID, KycStatus.PENDING, KycStatus.VERIFIED, null, FIELD_EXECUTIVE.userId()))
                .when(new UpdateOwnerProfile(ID, moved, self(Role.OWNER), null))
                .expectEvents(new OwnerProfileUpdated(ID, moved, ID));
    }

    @Test
    void adminsReviewKyc() {
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID))
                .when(new ReviewOwnerKyc(ID, KycStatus.VERIFIED, "documents match", ADMIN))
                .expectEvents(new OwnerKycStatusChanged(ID, KycStatus.PENDING, KycStatus.VERIFIED, "documents match",
                                                        ADMIN.userId()));
    }

    /** No assignment ties a user's review to a field executive, so none may decide one (issue 10). */
    @Test
    void fieldExecutivesReviewNoKycLicenceOrScreening() {
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID))
                .when(new ReviewOwnerKyc(ID, KycStatus.VERIFIED, null, FIELD_EXECUTIVE))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only admins review KYC");
        given(registered(Role.AGENT), new AgentProfileUpdated(ID, agentProfile(), ID))
                .when(new ReviewAgentLicence(ID, AgentVerificationStatus.VERIFIED, null, FIELD_EXECUTIVE))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only admins review licences");
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID))
                .when(new RecordTenantScreening(ID, CheckStatus.PASSED, null, CheckStatus.PASSED, 780,
                                                FIELD_EXECUTIVE))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only admins record tenant screening");
    }

    @Test
    void ownersDoNotReviewTheirOwnKyc() {
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID))
                .when(new ReviewOwnerKyc(ID, KycStatus.VERIFIED, null, self(Role.OWNER)))
                .expectNoEvents()
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only admins review KYC");
    }

    @Test
    void kycIsNotVerifiedWithoutAPan() {
        OwnerProfile withoutPan = new OwnerProfile(null, BusinessType.INDIVIDUAL, null, AADHAAR, null, null, null,
                                                   null, null);
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, withoutPan, ID))
                .when(new ReviewOwnerKyc(ID, KycStatus.VERIFIED, null, ADMIN))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("KYC cannot be verified without a PAN");
    }

    @Test
    void reviewingKycToTheSameStatusChangesNothing() {
        given(registered(Role.OWNER), new OwnerProfileUpdated(ID, ownerProfile(PAN), ID))
                .when(new ReviewOwnerKyc(ID, KycStatus.PENDING, null, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Agent profile and licence

    @Test
    void agentsSetTheirProfile() {
        given(registered(Role.AGENT))
                .when(new UpdateAgentProfile(ID, agentProfile(), self(Role.AGENT), null))
                .expectEvents(new AgentProfileUpdated(ID, agentProfile(), ID));
    }

    @Test
    void agentsInIndiaNeedAReraLicenceNumber() {
        given(registered(Role.AGENT))
                .when(new UpdateAgentProfile(ID, agentProfile(null, null, "2"), self(Role.AGENT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("agents in India need a RERA licence number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "10.01", "25"})
    void theCommissionRateIsBetweenZeroAndTenPercent(String rate) {
        given(registered(Role.AGENT))
                .when(new UpdateAgentProfile(ID, agentProfile("A51900012345", null, rate), self(Role.AGENT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the commission rate must be between 0 and 10 %");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2.50", "10.00"})
    void commissionRatesFromZeroToTenPercentAreAccepted(String rate) {
        given(registered(Role.AGENT))
                .when(new UpdateAgentProfile(ID, agentProfile("A51900012345", null, rate), self(Role.AGENT), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theLicenceExpiryMustBeInTheFuture() {
        given(registered(Role.AGENT))
                .when(new UpdateAgentProfile(ID, agentProfile("A51900012345", TODAY, "2"), self(Role.AGENT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the licence expiry must be in the future");
    }

    @Test
    void changingTheLicenceOfAVerifiedAgentSendsItBackToPending() {
        AgentProfile renewed = agentProfile("PRM/KA/RERA/1251/309/AG/180515/001234", TODAY.plusYears(5), "2.00");
        given(registered(Role.AGENT), new AgentProfileUpdated(ID, agentProfile(), ID),
              new AgentVerificationStatusChanged(ID, AgentVerificationStatus.PENDING, AgentVerificationStatus.VERIFIED,
                                                 null, ADMIN.userId()))
                .when(new UpdateAgentProfile(ID, renewed, self(Role.AGENT), null))
                .expectEvents(new AgentProfileUpdated(ID, renewed, ID),
                              new AgentVerificationStatusChanged(ID, AgentVerificationStatus.VERIFIED,
                                                                 AgentVerificationStatus.PENDING,
                                                                 "licence details changed", null));
    }

    @Test
    void aSuspendedAgentStaysSuspendedWhateverTheLicenceSays() {
        AgentProfile renewed = agentProfile("A51900099999", TODAY.plusYears(5), "2.00");
        given(registered(Role.AGENT), new AgentProfileUpdated(ID, agentProfile(), ID),
              new AgentVerificationStatusChanged(ID, AgentVerificationStatus.PENDING,
                                                 AgentVerificationStatus.SUSPENDED, "complaints", ADMIN.userId()))
                .when(new UpdateAgentProfile(ID, renewed, self(Role.AGENT), null))
                .expectEvents(new AgentProfileUpdated(ID, renewed, ID));
    }

    @Test
    void adminsVerifyALicence() {
        given(registered(Role.AGENT), new AgentProfileUpdated(ID, agentProfile(), ID))
                .when(new ReviewAgentLicence(ID, AgentVerificationStatus.VERIFIED, null, ADMIN))
                .expectEvents(new AgentVerificationStatusChanged(ID, AgentVerificationStatus.PENDING,
                                                                 AgentVerificationStatus.VERIFIED, null,
                                                                 ADMIN.userId()));
    }

    @Test
    void anExpiredLicenceIsNotVerified() {
        AgentProfile expiring = agentProfile("A51900012345", TODAY.plusDays(1), "2");
        fixture.givenCurrentTime(NOW)
               .andGiven(registered(Role.AGENT), new AgentProfileUpdated(ID, expiring, ID))
               .andGivenCurrentTime(NOW.plusSeconds(2 * 24 * 3600))
               .when(new ReviewAgentLicence(ID, AgentVerificationStatus.VERIFIED, null, ADMIN))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("an expired licence cannot be verified");
    }

    @Test
    void agentsDoNotReviewLicences() {
        given(registered(Role.AGENT), new AgentProfileUpdated(ID, agentProfile(), ID))
                .when(new ReviewAgentLicence(ID, AgentVerificationStatus.VERIFIED, null, self(Role.AGENT)))
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    // Tenant profile and screening

    @Test
    void tenantsSetTheirProfile() {
        given(registered(Role.TENANT))
                .when(new UpdateTenantProfile(ID, tenantProfile(), self(Role.TENANT), null))
                .expectEvents(new TenantProfileUpdated(ID, tenantProfile(), ID));
    }

    @Test
    void aTenantInTheUsGivesTheLastFourOfTheirSsn() {
        TenantProfile withoutSsn = tenantProfile(born("1990-01-01"), null, null, null, null);
        given(registered(Role.TENANT, Country.US))
                .when(new UpdateTenantProfile(ID, withoutSsn, self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("ssnLastFour is required");
    }

    @Test
    void aTenantInTheUsGivesTheirDateOfBirth() {
        TenantProfile withoutBirthday = tenantProfile(null, null, encrypted("ssn", "XXXX"), null, null);
        given(registered(Role.TENANT, Country.US))
                .when(new UpdateTenantProfile(ID, withoutBirthday, self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("dateOfBirth is required");
    }

    @Test
    void anSsnIsForUsersInTheUs() {
        TenantProfile indianWithSsn = tenantProfile(born("1990-01-01"), AADHAAR, encrypted("ssn", "XXXX"),
                                                    null, null);
        given(registered(Role.TENANT))
                .when(new UpdateTenantProfile(ID, indianWithSsn, self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the SSN is for users in the US");
    }

    @Test
    void theBudgetMinimumIsNotAboveTheMaximum() {
        TenantProfile upsideDown = tenantProfile(born("1990-01-01"), AADHAAR, null,
                                                 Money.of("40000", "INR"), Money.of("30000", "INR"));
        given(registered(Role.TENANT))
                .when(new UpdateTenantProfile(ID, upsideDown, self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("budgetMin cannot be more than budgetMax");
    }

    @Test
    void theBudgetIsInOneCurrency() {
        TenantProfile mixed = tenantProfile(born("1990-01-01"), AADHAAR, null, Money.of("400", "USD"),
                                            Money.of("30000", "INR"));
        given(registered(Role.TENANT))
                .when(new UpdateTenantProfile(ID, mixed, self(Role.TENANT), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void adminsRecordTheScreening() {
        UUID report = UUID.randomUUID();
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID))
                .when(new RecordTenantScreening(ID, CheckStatus.PASSED, report, CheckStatus.PASSED, 780, ADMIN))
                .expectEvents(new TenantScreeningRecorded(ID, CheckStatus.PASSED, report, CheckStatus.PASSED, 780,
                                                          ADMIN.userId()));
    }

    @Test
    void theSameScreeningAgainChangesNothing() {
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID),
              new TenantScreeningRecorded(ID, CheckStatus.IN_PROGRESS, null, CheckStatus.PENDING, null,
                                          FIELD_EXECUTIVE.userId()))
                .when(new RecordTenantScreening(ID, CheckStatus.IN_PROGRESS, null, CheckStatus.PENDING, null, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {299, 901})
    void creditScoresAreBetween300And900(int score) {
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID))
                .when(new RecordTenantScreening(ID, CheckStatus.PASSED, null, CheckStatus.PASSED, score, ADMIN))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("a credit score is between 300 and 900");
    }

    @Test
    void aTenantWithoutAProfileIsNotScreened() {
        given(registered(Role.TENANT))
                .when(new RecordTenantScreening(ID, CheckStatus.PASSED, null, CheckStatus.PASSED, 700, ADMIN))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the user has no tenant profile to screen");
    }

    @Test
    void tenantsDoNotScreenThemselves() {
        given(registered(Role.TENANT), new TenantProfileUpdated(ID, tenantProfile(), ID))
                .when(new RecordTenantScreening(ID, CheckStatus.PASSED, null, CheckStatus.PASSED, 900,
                                                self(Role.TENANT)))
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    // Mandates of property managers

    @Test
    void anOwnerGivesAPropertyManagerAMandate() {
        given(registered(Role.OWNER))
                .when(new GrantManagementMandate(ID, MANAGER, self(Role.OWNER)))
                .expectEvents(new ManagementMandateGranted(ID, MANAGER, ID))
                .expectState(account -> assertThat(account.mandates(MANAGER)).isTrue());
    }

    @Test
    void grantingTheSameMandateAgainChangesNothing() {
        given(registered(Role.OWNER), new ManagementMandateGranted(ID, MANAGER, ID))
                .when(new GrantManagementMandate(ID, MANAGER, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The attack: a manager cannot hand themselves a mandate over someone else's account. */
    @Test
    void onlyTheOwnerOrAnAdminGrantsAMandate() {
        for (Actor someone : List.of(new Actor(MANAGER, Role.PROPERTY_MANAGER),
                                     new Actor(UserId.random(), Role.OWNER))) {
            given(registered(Role.OWNER))
                    .when(new GrantManagementMandate(ID, MANAGER, someone))
                    .expectNoEvents()
                    .expectException(NotPermitted.class);
        }
        given(registered(Role.OWNER))
                .when(new GrantManagementMandate(ID, MANAGER, ADMIN))
                .expectEvents(new ManagementMandateGranted(ID, MANAGER, ADMIN.userId()));
    }

    @Test
    void aMandateGoesToAnActivePropertyManagerFromAnOwner() {
        given(registered(Role.OWNER))
                .when(new GrantManagementMandate(ID, UserId.random(), self(Role.OWNER)))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("a mandate goes to an active property manager");
        given(registered(Role.TENANT))
                .when(new GrantManagementMandate(ID, MANAGER, self(Role.TENANT)))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void aRevokedMandateNoLongerHolds() {
        given(registered(Role.OWNER), new ManagementMandateGranted(ID, MANAGER, ID))
                .when(new RevokeManagementMandate(ID, MANAGER, self(Role.OWNER)))
                .expectEvents(new ManagementMandateRevoked(ID, MANAGER, ID))
                .expectState(account -> assertThat(account.mandates(MANAGER)).isFalse());
        given(registered(Role.OWNER))
                .when(new RevokeManagementMandate(ID, MANAGER, self(Role.OWNER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMandateEndsWithTheOwnersRoleOrAccount() {
        given(registered(Role.OWNER), new ManagementMandateGranted(ID, MANAGER, ID),
              new RoleChanged(ID, Role.OWNER, Role.TENANT, ADMIN.userId()),
              new RoleChanged(ID, Role.TENANT, Role.OWNER, ADMIN.userId()))
                .when(new RevokeManagementMandate(ID, MANAGER, self(Role.OWNER)))
                .expectNoEvents()
                .expectState(account -> assertThat(account.mandates(MANAGER)).isFalse());
        given(registered(Role.OWNER), new ManagementMandateGranted(ID, MANAGER, ID),
              new UserDeactivated(ID, null, ID))
                .when(new RevokeManagementMandate(ID, UserId.random(), self(Role.OWNER)))
                .expectNoEvents()
                .expectState(account -> assertThat(account.mandates(MANAGER)).isFalse());
    }
}
