package io.alter8.api.user;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What an agent tells about themselves (marketplace model, {@code agent_profiles}): RERA licence and its expiry,
 * agency, specialisations ({@code residential}, {@code commercial} …), commission ({@code commissionRate} is a
 * percentage, 0–10), service areas, when to reach them, years of experience and the documents for the licence review.
 * The review ({@code verification_status}, {@code verified_at}, {@code verified_by}) is
 * {@link AgentVerificationStatusChanged}; deals, commission earned and ratings are counted by the read side from leases
 * and reviews.
 */
public record AgentProfile(String reraLicence,
                           LocalDate licenceExpiry,
                           String agencyName,
                           String agencyReraNumber,
                           List<String> specialisations,
                           BigDecimal commissionRate,
                           CommissionType commissionType,
                           List<ServiceArea> serviceAreas,
                           LocalTime preferredContactTime,
                           List<Weekday> availableDays,
                           Integer experienceYears,
                           List<UUID> verificationDocumentIds) {

    public AgentProfile {
        specialisations = Lists.copy(specialisations);
        serviceAreas = Lists.copy(serviceAreas);
        availableDays = Lists.sortedSet(availableDays);
        verificationDocumentIds = Lists.copy(verificationDocumentIds);
    }
}
