package io.alter8.command.auth.otp;

import io.alter8.api.common.WireEnum;

/** What a one-time password proves (the values otp_verification.otp_type allows). */
public enum OtpType implements WireEnum {
    PHONE_VERIFICATION, EMAIL_VERIFICATION, PASSWORD_RESET, LOGIN_2FA
}
