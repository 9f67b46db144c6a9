package io.alter8.query.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentView;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * One row of the user directory, as the queries read it ({@link UserDirectoryProjector} writes it). {@code version}
 * is the sequence number of the last event applied. Identity numbers and bank account exist here only masked.
 * Ratings of agents and field executives are read from the verifications read model ({@code verification_rating},
 * kept by {@code VerificationProjector}), which owns them: this row is not rewritten when someone is rated.
 */
@Entity
@Immutable
@Table(name = "user_directory")
class UserDirectoryEntry {

    @Id
    private UUID id;
    private String email;
    @Column(name = "phone_masked")
    private String phoneMasked;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    @Column(nullable = false)
    private String role;
    @Column(nullable = false)
    private String country;
    @Column(name = "preferred_language")
    private String preferredLanguage;
    @Column(nullable = false)
    private String status;
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "phone_verified", nullable = false)
    private boolean phoneVerified;
    @Column(name = "phone_verified_at")
    private Instant phoneVerifiedAt;
    /**
     * {@link UserView#verified()}, computed by the database where it is read and filtered on, so that the rule is
     * written once: the role's review passed (the values are {@code KycStatus.VERIFIED},
     * {@code AgentVerificationStatus.VERIFIED}, {@code CheckStatus.PASSED}); other roles, both contacts verified.
     */
    @Formula("""
            CASE role WHEN 'owner' THEN coalesce(owner_kyc_status = 'verified', false)
                      WHEN 'agent' THEN coalesce(agent_verification_status = 'verified', false)
                      WHEN 'tenant' THEN coalesce(tenant_background_check_status = 'passed', false)
                      ELSE email_verified AND phone_verified END""")
    private boolean verified;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "owner_kyc_status")
    private String ownerKycStatus;
    @Column(name = "owner_company_name")
    private String ownerCompanyName;
    @Column(name = "owner_business_type")
    private String ownerBusinessType;
    @Column(name = "owner_pan_masked")
    private String ownerPanMasked;
    @Column(name = "owner_aadhaar_masked")
    private String ownerAadhaarMasked;
    @Column(name = "owner_gst_masked")
    private String ownerGstMasked;
    @Column(name = "owner_bank_account_masked")
    private String ownerBankAccountMasked;
    @Column(name = "agent_rera_licence")
    private String agentReraLicence;
    @Column(name = "agent_licence_expiry")
    private LocalDate agentLicenceExpiry;
    @Column(name = "agent_verification_status")
    private String agentVerificationStatus;
    @Column(name = "agent_agency_name")
    private String agentAgencyName;
    @Column(name = "agent_service_areas")
    private String agentServiceAreas;
    @Column(name = "agent_service_cities")
    private String agentServiceCities;
    @Column(name = "agent_specialisations")
    private String agentSpecialisations;
    @Column(name = "agent_commission_rate", precision = 5, scale = 2)
    private BigDecimal agentCommissionRate;
    @Column(name = "agent_commission_type")
    private String agentCommissionType;
    @Column(name = "agent_experience_years")
    private Integer agentExperienceYears;
    @Column(name = "tenant_background_check_status")
    private String tenantBackgroundCheckStatus;
    @Column(name = "tenant_credit_check_status")
    private String tenantCreditCheckStatus;
    @Column(name = "tenant_aadhaar_masked")
    private String tenantAadhaarMasked;
    @Column(name = "tenant_pan_masked")
    private String tenantPanMasked;
    @Column(name = "tenant_ssn_masked")
    private String tenantSsnMasked;
    @Column(nullable = false)
    private long version;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** The average of the ratings of the user's role (agents, field executives), null while nobody rated. */
    @Formula("(SELECT r.average_rating FROM verification_rating r WHERE r.user_id = id AND r.kind = role)")
    private BigDecimal averageRating;
    @Formula("(SELECT r.total_ratings FROM verification_rating r WHERE r.user_id = id AND r.kind = role)")
    private Integer totalRatings;

    protected UserDirectoryEntry() {
        // for JPA
    }

    UserView toView() {
        Role r = Role.fromWire(role);
        UserView.Owner owner = r != Role.OWNER ? null : new UserView.Owner(
                parse(ownerKycStatus, KycStatus::fromWire), ownerCompanyName,
                parse(ownerBusinessType, BusinessType::fromWire), ownerPanMasked, ownerAadhaarMasked, ownerGstMasked,
                ownerBankAccountMasked);
        UserView.Agent agent = r != Role.AGENT ? null : new UserView.Agent(
                agentReraLicence, agentLicenceExpiry, parse(agentVerificationStatus, AgentVerificationStatus::fromWire),
                agentAgencyName, ServiceAreas.fromJson(agentServiceAreas), Keys.split(agentSpecialisations),
                agentCommissionRate, parse(agentCommissionType, CommissionType::fromWire), agentExperienceYears);
        UserView.Tenant tenant = r != Role.TENANT ? null : new UserView.Tenant(
                parse(tenantBackgroundCheckStatus, CheckStatus::fromWire),
                parse(tenantCreditCheckStatus, CheckStatus::fromWire), tenantAadhaarMasked, tenantPanMasked,
                tenantSsnMasked);
        return new UserView(new UserId(id), email, phoneMasked, firstName, lastName, r, Country.fromWire(country),
                            preferredLanguage, AccountStatus.fromWire(status), emailVerified, emailVerifiedAt,
                            phoneVerified, phoneVerifiedAt, verified, registeredAt, lastLoginAt, owner, agent, tenant,
                            ratings(r), version);
    }

    AgentView toAgentView() {
        return new AgentView(new UserId(id), firstName, lastName, phoneMasked, agentReraLicence, agentLicenceExpiry,
                             agentAgencyName, ServiceAreas.fromJson(agentServiceAreas), Keys.split(agentSpecialisations),
                             agentCommissionRate, parse(agentCommissionType, CommissionType::fromWire),
                             agentExperienceYears, averageRating, totalRatings == null ? 0 : totalRatings);
    }

    /** How owners rated an agent or field executive in property verifications; nothing for other roles. */
    private UserView.Ratings ratings(Role r) {
        if (r != Role.AGENT && r != Role.FIELD_EXECUTIVE) {
            return null;
        }
        return new UserView.Ratings(averageRating, totalRatings == null ? 0 : totalRatings);
    }

    private static <T> T parse(String wire, Function<String, T> fromWire) {
        return wire == null ? null : fromWire.apply(wire);
    }
}
