package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The terms were replaced; approvals given before lapse (approval {@code pending}, status {@code draft}). */
@Revision("1")
public record LeaseTermsRevised(LeaseId leaseId,
                                LeaseTerms terms,
                                UserId revisedBy) {
}
