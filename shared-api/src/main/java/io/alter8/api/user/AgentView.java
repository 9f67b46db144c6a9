package io.alter8.api.user;

import io.alter8.api.common.UserId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A verified, active agent as the agent directory shows them to anyone signed in: how to recognise and choose them,
 * with the phone masked and no e-mail (contact goes through Alter8). {@code averageRating} (2 decimals, null while
 * nobody rated) and {@code totalRatings} are the owners' ratings from property verifications.
 */
public record AgentView(UserId id,
                        String firstName,
                        String lastName,
                        String phoneMasked,
                        String reraLicence,
                        LocalDate licenceExpiry,
                        String agencyName,
                        List<ServiceArea> serviceAreas,
                        List<String> specialisations,
                        BigDecimal commissionRate,
                        CommissionType commissionType,
                        Integer experienceYears,
                        BigDecimal averageRating,
                        int totalRatings) {
}
