package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record TenantScreeningRecorded(UserId userId,
                                      CheckStatus backgroundCheckStatus,
                                      UUID backgroundCheckReportId,
                                      CheckStatus creditCheckStatus,
                                      Integer creditScore,
                                      UserId recordedBy) {
}
