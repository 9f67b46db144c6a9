package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Notice was given on {@code noticeDate}: the lease ends on {@code terminationDate} ({@link LeaseTerminated}). */
@Revision("1")
public record LeaseNoticeGiven(LeaseId leaseId,
                               LocalDate noticeDate,
                               LocalDate terminationDate,
                               String reason,
                               UserId givenBy) {
}
