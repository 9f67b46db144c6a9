package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;

public record FindVerificationById(VerificationId verificationId) {
}
