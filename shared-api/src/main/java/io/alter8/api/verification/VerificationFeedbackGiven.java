package io.alter8.api.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.serialization.Revision;

/**
 * The owner's ratings of this verification, replacing any earlier ones: the agent's and executive's averages count
 * the latest of each verification. Carries whom they rate, so readers need no other event to attribute them.
 */
@Revision("1")
public record VerificationFeedbackGiven(VerificationId verificationId,
                                        UserId agentId,
                                        Integer agentRating,
                                        UserId fieldExecutiveId,
                                        int executiveRating,
                                        String feedback,
                                        UserId givenBy) {
}
