package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Records a tenant's background and credit checks (marketplace model {@code background_check_*}, {@code credit_score};
 * management model {@code background_check_status}, {@code credit_check_status}): field executives and admins.
 * {@code backgroundCheckReportId} names the uploaded report; {@code creditScore} is 300–900 (CIBIL and FICO).
 */
public record RecordTenantScreening(@TargetAggregateIdentifier UserId userId,
                                    CheckStatus backgroundCheckStatus,
                                    UUID backgroundCheckReportId,
                                    CheckStatus creditCheckStatus,
                                    Integer creditScore,
                                    Actor reviewer) {
}
