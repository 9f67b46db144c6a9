package io.alter8.api.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's account as the read side shows it to the person themselves, admins and auditors. Personal data that
 * travels encrypted (identity numbers, bank account) appears only in its masked form, and so does the phone. The
 * profile of the user's current role is filled in; the others are null. {@code version} is the sequence number of
 * the last event applied. {@code ratings} are an agent's or field executive's ratings from property verifications.
 * {@code verified} is the data models' {@code is_verified}: the review of the user's role passed (an owner's KYC
 * verified, an agent's RERA licence verified, a tenant's background check passed); for roles without such a review,
 * both the e-mail address and the phone are verified. {@code erasureRequestedAt} is when the user asked to be erased;
 * an erased user ({@code status} {@code erased}) keeps only their id, role, country and history.
 */
public record UserView(UserId id,
                       String email,
                       String phoneMasked,
                       String firstName,
                       String lastName,
                       Role role,
                       Country country,
                       String preferredLanguage,
                       AccountStatus status,
                       boolean emailVerified,
                       Instant emailVerifiedAt,
                       boolean phoneVerified,
                       Instant phoneVerifiedAt,
                       boolean verified,
                       Instant registeredAt,
                       Instant lastLoginAt,
                       Instant erasureRequestedAt,
                       Owner owner,
                       Agent agent,
                       Tenant tenant,
                       Ratings ratings,
                       long version) {

    /**
     * The average (2 decimals; null while nobody rated) of the latest rating owners gave in each verification the
     * user took part in, and how many verifications it counts.
     */
    public record Ratings(BigDecimal averageRating, int totalRatings) {
    }

    /** An owner's KYC review and the masked forms of their identity numbers and bank account. */
    public record Owner(KycStatus kycStatus, String companyName, BusinessType businessType, String panMasked,
                        String aadhaarMasked, String gstMasked, String bankAccountMasked) {
    }

    /** An agent's RERA licence, its review and where and how they work. */
    public record Agent(String reraLicence, LocalDate licenceExpiry, AgentVerificationStatus verificationStatus,
                        String agencyName, List<ServiceArea> serviceAreas, List<String> specialisations,
                        BigDecimal commissionRate, CommissionType commissionType, Integer experienceYears) {
    }

    /** A tenant's screening and the masked forms of their identity numbers. */
    public record Tenant(CheckStatus backgroundCheckStatus, CheckStatus creditCheckStatus, String aadhaarMasked,
                         String panMasked, String ssnLastFourMasked) {
    }
}
