package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.Money;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.Actor;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.ChangePersonalDetails;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.ReactivateUser;
import io.alter8.api.user.RecordLogin;
import io.alter8.api.user.RecordTenantScreening;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.ReviewAgentLicence;
import io.alter8.api.user.ReviewOwnerKyc;
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
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user of Alter8: who they are, their role, whether their e-mail and phone are verified, whether they may act at
 * all, and the profile of their role (owner, agent or tenant) with its review. Personal data arrives encrypted and
 * is only compared, never read. Who may do what is decided here from the command's {@link Actor}; that e-mail,
 * phone and identity numbers are unique across users is kept by {@link IdentityClaims} in the same transaction.
 */
@Aggregate
class UserAccount {

    private static final String DEFAULT_LANGUAGE = "en";
    private static final BigDecimal MAX_COMMISSION_RATE = BigDecimal.TEN;
    private static final int MAX_EXPERIENCE_YEARS = 70;
    private static final int MIN_CREDIT_SCORE = 300;
    private static final int MAX_CREDIT_SCORE = 900;
    private static final int ADULT_AGE = 18;
    private static final Set<KycStatus> KYC_TO_REVIEW_AGAIN = Set.of(KycStatus.IN_REVIEW, KycStatus.VERIFIED,
                                                                     KycStatus.REJECTED);
    /** A suspension is not lifted by editing the licence; a verification or a rejection is of the old one. */
    private static final Set<AgentVerificationStatus> LICENCE_TO_REVIEW_AGAIN =
            Set.of(AgentVerificationStatus.VERIFIED, AgentVerificationStatus.REJECTED);

    @AggregateIdentifier
    private UserId id;
    private UserRegistered registration;
    private EmailAddress email;
    private PhoneNumber phone;
    private Role role;
    private Country country;
    private String firstName;
    private String lastName;
    private String preferredLanguage;
    private String profilePictureUrl;
    private boolean emailVerified;
    private boolean phoneVerified;
    private AccountStatus status;
    private Instant lastLoginAt;
    private OwnerProfile ownerProfile;
    private KycStatus kycStatus;
    private AgentProfile agentProfile;
    private AgentVerificationStatus licenceStatus;
    private TenantProfile tenantProfile;
    private TenantScreeningRecorded screening;

    UserAccount() {
        // for Axon
    }

    /**
     * Registering the same id again with the same details is a no-op, so a client may safely retry; with other
     * details it is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUser command) {
        Actor by = command.registeredBy();
        UserRegistered registered = new UserRegistered(
                command.userId(), command.email(), command.phone(), command.firstName(), command.lastName(),
                command.role(), command.country(), languageOrDefault(command.preferredLanguage()),
                by == null ? null : by.userId());
        if (registration != null) {
            if (registration.equals(registered)) {
                return;
            }
            throw new DomainRuleViolation("user-already-registered",
                                          "user " + id + " is already registered with other details");
        }
        required(command.email(), "email");
        required(command.phone(), "phone");
        requireText(command.firstName(), "firstName");
        requireText(command.lastName(), "lastName");
        required(command.role(), "role");
        required(command.country(), "country");
        if (by == null) {
            if (!command.role().isSelfService()) {
                throw new NotPermitted("only owners, tenants, agents and property managers can sign themselves up");
            }
        } else {
            requireMayGiveRole(by, command.role());
        }
        apply(registered);
    }

    @CommandHandler
    void handle(VerifyEmail command) {
        requireActive();
        if (!email.equals(command.email())) {
            throw new DomainRuleViolation("not-the-users-email", "this is not the user's e-mail address");
        }
        if (emailVerified) {
            return;
        }
        apply(new EmailVerified(id, email));
    }

    @CommandHandler
    void handle(VerifyPhone command) {
        requireActive();
        if (!phone.equals(command.phone())) {
            throw new DomainRuleViolation("not-the-users-phone", "this is not the user's phone number");
        }
        if (phoneVerified) {
            return;
        }
        apply(new PhoneVerified(id, phone));
    }

    @CommandHandler
    void handle(ChangeRole command) {
        Actor by = actor(command.requestedBy());
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins change roles");
        }
        if (by.is(id)) {
            throw new NotPermitted("nobody changes their own role");
        }
        required(command.role(), "role");
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
        requireMayGiveRole(by, command.role());
        requireActive();
        if (command.role() == role) {
            return;
        }
        apply(new RoleChanged(id, role, command.role(), by.userId()));
    }

    @CommandHandler
    void handle(DeactivateUser command) {
        Actor by = actor(command.requestedBy());
        if (!by.is(id)) {
            requireAdminOverThisUser(by, "only the user or an admin can deactivate an account");
        }
        if (status == AccountStatus.INACTIVE) {
            return;
        }
        apply(new UserDeactivated(id, blankToNull(command.reason()), by.userId()));
    }

    @CommandHandler
    void handle(ReactivateUser command) {
        Actor by = actor(command.requestedBy());
        if (by.is(id)) {
            throw new NotPermitted("nobody reactivates their own account");
        }
        requireAdminOverThisUser(by, "only admins reactivate accounts");
        if (status == AccountStatus.ACTIVE) {
            return;
        }
        apply(new UserReactivated(id, by.userId()));
    }

    @CommandHandler
    void handle(RecordLogin command) {
        required(command.loggedInAt(), "loggedInAt");
        requireActive();
        if (lastLoginAt != null && !command.loggedInAt().isAfter(lastLoginAt)) {
            return;
        }
        apply(new UserLoggedIn(id, command.loggedInAt()));
    }

    @CommandHandler
    void handle(ChangePersonalDetails command) {
        Actor by = actor(command.requestedBy());
        requireSelfOrAdmin(by);
        requireActive();
        requireText(command.firstName(), "firstName");
        requireText(command.lastName(), "lastName");
        String language = languageOrDefault(command.preferredLanguage());
        String picture = blankToNull(command.profilePictureUrl());
        if (command.firstName().equals(firstName) && command.lastName().equals(lastName)
                && language.equals(preferredLanguage) && Objects.equals(picture, profilePictureUrl)) {
            return;
        }
        apply(new PersonalDetailsChanged(id, command.firstName(), command.lastName(), language, picture,
                                         by.userId()));
    }

    @CommandHandler
    void handle(UpdateOwnerProfile command) {
        Actor by = actor(command.requestedBy());
        requireSelfOrAdmin(by);
        requireActive();
        requireRole(Role.OWNER, "an owner profile");
        OwnerProfile profile = required(command.profile(), "profile");
        if (country != Country.IN && (profile.panNumber() != null || profile.aadhaarNumber() != null
                || profile.gstNumber() != null)) {
            throw new DomainRuleViolation("indian-id-outside-india",
                                          "PAN, Aadhaar and GST numbers are for users in India");
        }
        if ((profile.businessType() == BusinessType.COMPANY || profile.businessType() == BusinessType.PARTNERSHIP)
                && isBlank(profile.companyName())) {
            throw new DomainRuleViolation("missing-companyName", "a company or partnership needs its name");
        }
        requireUsableBankAccount(profile.bankAccount());
        if (profile.equals(ownerProfile)) {
            return;
        }
        OwnerProfile previous = ownerProfile;
        apply(new OwnerProfileUpdated(id, profile, by.userId()));
        if (KYC_TO_REVIEW_AGAIN.contains(kycStatus) && kycNumbersChanged(previous, profile)) {
            apply(new OwnerKycStatusChanged(id, kycStatus, KycStatus.PENDING, "KYC details changed", null));
        }
    }

    @CommandHandler
    void handle(UpdateAgentProfile command) {
        Actor by = actor(command.requestedBy());
        requireSelfOrAdmin(by);
        requireActive();
        requireRole(Role.AGENT, "an agent profile");
        AgentProfile profile = required(command.profile(), "profile");
        if (country == Country.IN && isBlank(profile.reraLicence())) {
            throw new DomainRuleViolation("missing-reraLicence", "agents in India need a RERA licence number");
        }
        if (profile.licenceExpiry() != null && !profile.licenceExpiry().isAfter(today())) {
            throw new DomainRuleViolation("licence-expired", "the licence expiry must be in the future");
        }
        BigDecimal rate = profile.commissionRate();
        if (rate != null && (rate.signum() < 0 || rate.compareTo(MAX_COMMISSION_RATE) > 0)) {
            throw new DomainRuleViolation("invalid-commissionRate", "the commission rate must be between 0 and 10 %");
        }
        if (profile.experienceYears() != null
                && (profile.experienceYears() < 0 || profile.experienceYears() > MAX_EXPERIENCE_YEARS)) {
            throw new DomainRuleViolation("invalid-experienceYears",
                                          "experience must be between 0 and " + MAX_EXPERIENCE_YEARS + " years");
        }
        for (ServiceArea area : profile.serviceAreas()) {
            requireText(area.city(), "serviceAreas.city");
        }
        if (profile.equals(agentProfile)) {
            return;
        }
        AgentProfile previous = agentProfile;
        apply(new AgentProfileUpdated(id, profile, by.userId()));
        if (LICENCE_TO_REVIEW_AGAIN.contains(licenceStatus) && licenceChanged(previous, profile)) {
            apply(new AgentVerificationStatusChanged(id, licenceStatus, AgentVerificationStatus.PENDING,
                                                     "licence details changed", null));
        }
    }

    @CommandHandler
    void handle(UpdateTenantProfile command) {
        Actor by = actor(command.requestedBy());
        requireSelfOrAdmin(by);
        requireActive();
        requireRole(Role.TENANT, "a tenant profile");
        TenantProfile profile = required(command.profile(), "profile");
        if (country == Country.US) {
            if (profile.aadhaarNumber() != null || profile.panNumber() != null) {
                throw new DomainRuleViolation("indian-id-outside-india", "Aadhaar and PAN are for users in India");
            }
            // The management model's tenants require both.
            required(profile.ssnLastFour(), "ssnLastFour");
            required(profile.dateOfBirth(), "dateOfBirth");
        } else if (profile.ssnLastFour() != null) {
            throw new DomainRuleViolation("us-id-outside-us", "the SSN is for users in the US");
        }
        if (profile.dateOfBirth() != null && profile.dateOfBirth().plusYears(ADULT_AGE).isAfter(today())) {
            throw new DomainRuleViolation("tenant-under-age", "a tenant must be at least " + ADULT_AGE
                    + " to sign a lease");
        }
        requireNotNegative(profile.monthlyIncome(), "monthlyIncome");
        requireNotNegative(profile.annualIncome(), "annualIncome");
        requireBudget(profile.budgetMin(), profile.budgetMax());
        requireNamed(profile.emergencyContact(), "emergencyContact");
        requireNamed(profile.previousLandlord(), "previousLandlord");
        profile.references().forEach(reference -> requireNamed(reference, "references"));
        if (profile.equals(tenantProfile)) {
            return;
        }
        apply(new TenantProfileUpdated(id, profile, by.userId()));
    }

    @CommandHandler
    void handle(ReviewOwnerKyc command) {
        Actor by = actor(command.reviewer());
        requireReviewer(by, "only field executives and admins review KYC");
        requireActive();
        KycStatus next = required(command.status(), "status");
        if (ownerProfile == null) {
            throw new DomainRuleViolation("no-owner-profile", "the user has no owner profile to review");
        }
        if (next == KycStatus.VERIFIED && country == Country.IN && ownerProfile.panNumber() == null) {
            throw new DomainRuleViolation("kyc-incomplete", "KYC cannot be verified without a PAN");
        }
        if (next == kycStatus) {
            return;
        }
        apply(new OwnerKycStatusChanged(id, kycStatus, next, blankToNull(command.note()), by.userId()));
    }

    @CommandHandler
    void handle(ReviewAgentLicence command) {
        Actor by = actor(command.reviewer());
        requireReviewer(by, "only field executives and admins review licences");
        requireActive();
        AgentVerificationStatus next = required(command.status(), "status");
        if (agentProfile == null) {
            throw new DomainRuleViolation("no-agent-profile", "the user has no agent profile to review");
        }
        if (next == AgentVerificationStatus.VERIFIED) {
            if (isBlank(agentProfile.reraLicence())) {
                throw new DomainRuleViolation("licence-incomplete", "a licence cannot be verified without its number");
            }
            if (agentProfile.licenceExpiry() != null && !agentProfile.licenceExpiry().isAfter(today())) {
                throw new DomainRuleViolation("licence-expired", "an expired licence cannot be verified");
            }
        }
        if (next == licenceStatus) {
            return;
        }
        apply(new AgentVerificationStatusChanged(id, licenceStatus, next, blankToNull(command.note()),
                                                 by.userId()));
    }

    @CommandHandler
    void handle(RecordTenantScreening command) {
        Actor by = actor(command.reviewer());
        requireReviewer(by, "only field executives and admins record tenant screening");
        requireActive();
        required(command.backgroundCheckStatus(), "backgroundCheckStatus");
        required(command.creditCheckStatus(), "creditCheckStatus");
        if (tenantProfile == null) {
            throw new DomainRuleViolation("no-tenant-profile", "the user has no tenant profile to screen");
        }
        Integer score = command.creditScore();
        if (score != null && (score < MIN_CREDIT_SCORE || score > MAX_CREDIT_SCORE)) {
            throw new DomainRuleViolation("invalid-creditScore", "a credit score is between " + MIN_CREDIT_SCORE
                    + " and " + MAX_CREDIT_SCORE);
        }
        TenantScreeningRecorded recorded = new TenantScreeningRecorded(
                id, command.backgroundCheckStatus(), command.backgroundCheckReportId(), command.creditCheckStatus(),
                score, by.userId());
        if (screening != null && sameScreening(recorded, screening)) {
            return;
        }
        apply(recorded);
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = event.userId();
        registration = event;
        email = event.email();
        phone = event.phone();
        role = event.role();
        country = event.country();
        firstName = event.firstName();
        lastName = event.lastName();
        preferredLanguage = event.preferredLanguage();
        status = AccountStatus.ACTIVE;
        kycStatus = KycStatus.PENDING;
        licenceStatus = AgentVerificationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(PhoneVerified event) {
        phoneVerified = true;
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        role = event.role();
        ownerProfile = null;
        kycStatus = KycStatus.PENDING;
        agentProfile = null;
        licenceStatus = AgentVerificationStatus.PENDING;
        tenantProfile = null;
        screening = null;
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        status = AccountStatus.INACTIVE;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UserLoggedIn event) {
        lastLoginAt = event.loggedInAt();
    }

    @EventSourcingHandler
    void on(PersonalDetailsChanged event) {
        firstName = event.firstName();
        lastName = event.lastName();
        preferredLanguage = event.preferredLanguage();
        profilePictureUrl = event.profilePictureUrl();
    }

    @EventSourcingHandler
    void on(OwnerProfileUpdated event) {
        ownerProfile = event.profile();
    }

    @EventSourcingHandler
    void on(OwnerKycStatusChanged event) {
        kycStatus = event.status();
    }

    @EventSourcingHandler
    void on(AgentProfileUpdated event) {
        agentProfile = event.profile();
    }

    @EventSourcingHandler
    void on(AgentVerificationStatusChanged event) {
        licenceStatus = event.status();
    }

    @EventSourcingHandler
    void on(TenantProfileUpdated event) {
        tenantProfile = event.profile();
    }

    @EventSourcingHandler
    void on(TenantScreeningRecorded event) {
        screening = event;
    }

    private void requireActive() {
        if (status != AccountStatus.ACTIVE) {
            throw new DomainRuleViolation("user-deactivated", "this account is deactivated");
        }
    }

    private void requireRole(Role expected, String what) {
        if (role != expected) {
            throw new DomainRuleViolation("profile-does-not-match-role",
                                          "only a user with role " + expected.wire() + " has " + what);
        }
    }

    private void requireSelfOrAdmin(Actor by) {
        if (!by.is(id)) {
            requireAdminOverThisUser(by, "only the user or an admin can change this account");
        }
    }

    /** Admins act on other users' accounts; on an admin's account, only a super admin does. */
    private void requireAdminOverThisUser(Actor by, String refusal) {
        if (!by.role().isAdmin()) {
            throw new NotPermitted(refusal);
        }
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
    }

    private static void requireMayGiveRole(Actor by, Role role) {
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins give the role " + role.wire());
        }
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
    }

    private static void requireSuperAdminForAdmins(Actor by) {
        if (by.role() != Role.SUPER_ADMIN) {
            throw new NotPermitted("only a super admin acts on the admin and super admin roles");
        }
    }

    private static void requireReviewer(Actor by, String refusal) {
        if (!by.role().isReviewer()) {
            throw new NotPermitted(refusal);
        }
    }

    private void requireUsableBankAccount(BankAccount account) {
        if (account == null) {
            return;
        }
        required(account.accountNumber(), "bankAccount.accountNumber");
        requireText(account.accountHolderName(), "bankAccount.accountHolderName");
        // An IFSC names an Indian branch: needed for Indian accounts, meaningless elsewhere.
        if (country == Country.IN) {
            requireText(account.ifscCode(), "bankAccount.ifscCode");
        } else if (account.ifscCode() != null) {
            throw new DomainRuleViolation("indian-id-outside-india", "an IFSC is for bank accounts in India");
        }
    }

    private static void requireNotNegative(Money money, String field) {
        if (money != null && money.amount().signum() < 0) {
            throw new DomainRuleViolation("invalid-" + field, field + " cannot be negative");
        }
    }

    private static void requireBudget(Money min, Money max) {
        requireNotNegative(min, "budgetMin");
        requireNotNegative(max, "budgetMax");
        if (min == null || max == null) {
            return;
        }
        if (!min.currency().equals(max.currency())) {
            throw new DomainRuleViolation("currency-mismatch", "budgetMin and budgetMax must be in one currency");
        }
        if (min.amount().compareTo(max.amount()) > 0) {
            throw new DomainRuleViolation("invalid-budget", "budgetMin cannot be more than budgetMax");
        }
    }

    private static void requireNamed(ContactPerson contact, String field) {
        if (contact != null) {
            requireText(contact.name(), field + ".name");
        }
    }

    private static boolean kycNumbersChanged(OwnerProfile before, OwnerProfile after) {
        return before == null
                || !Objects.equals(before.panNumber(), after.panNumber())
                || !Objects.equals(before.aadhaarNumber(), after.aadhaarNumber())
                || !Objects.equals(before.gstNumber(), after.gstNumber());
    }

    private static boolean licenceChanged(AgentProfile before, AgentProfile after) {
        return before == null
                || !Objects.equals(before.reraLicence(), after.reraLicence())
                || !Objects.equals(before.licenceExpiry(), after.licenceExpiry());
    }

    /** The same outcome, whoever recorded it. */
    private static boolean sameScreening(TenantScreeningRecorded a, TenantScreeningRecorded b) {
        return a.backgroundCheckStatus() == b.backgroundCheckStatus()
                && Objects.equals(a.backgroundCheckReportId(), b.backgroundCheckReportId())
                && a.creditCheckStatus() == b.creditCheckStatus()
                && Objects.equals(a.creditScore(), b.creditScore());
    }

    private static String languageOrDefault(String language) {
        return isBlank(language) ? DEFAULT_LANGUAGE : language;
    }

    private static void requireText(String value, String field) {
        if (isBlank(value)) {
            throw new DomainRuleViolation("missing-" + field, field + " is required");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
