package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the outcome of an owner's KYC review: field executives and admins. */
public record ReviewOwnerKyc(@TargetAggregateIdentifier UserId userId,
                             KycStatus status,
                             String note,
                             Actor reviewer) {
}
