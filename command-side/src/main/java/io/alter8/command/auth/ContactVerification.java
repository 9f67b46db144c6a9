package io.alter8.command.auth;

import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.Mask;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.VerifyEmail;
import io.alter8.api.user.VerifyPhone;
import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.auth.otp.OtpType;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * A user proves their phone or e-mail address: a code goes to it, the user sends it back, and the account records
 * the verification (VerifyPhone / VerifyEmail). Phone and e-mail are verified independently.
 */
@Service
class ContactVerification {

    private final Credentials credentials;
    private final OtpService otps;
    private final CommandGateway commands;
    private final Clock clock;
    private final PersonalDataCipher cipher;

    ContactVerification(Credentials credentials, OtpService otps, CommandGateway commands, Clock clock,
                        PersonalDataCipher cipher) {
        this.credentials = credentials;
        this.otps = otps;
        this.commands = commands;
        this.clock = clock;
        this.cipher = cipher;
    }

    @Transactional
    public PasswordReset.Requested request(UUID userId, OtpType type) {
        Credentials.Contact contact = credentials.contactOf(userId).orElseThrow(ContactVerification::noAccount);
        String phone = type == OtpType.PHONE_VERIFICATION ? contact.phone() : null;
        String email = type == OtpType.EMAIL_VERIFICATION ? contact.email() : null;
        if (phone == null && email == null) {
            throw ApiException.conflict("no-contact", "Nothing to verify",
                                        "the account has no " + (type == OtpType.PHONE_VERIFICATION ? "phone"
                                                                                                     : "e-mail"));
        }
        OtpService.Challenge challenge = otps.send(type, userId, phone, email);
        return new PasswordReset.Requested(challenge.id(), clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Transactional(noRollbackFor = ApiException.class)
    public void confirm(UUID userId, UUID challengeId, OtpType type, String code) {
        OtpService.Challenge challenge = otps.verify(challengeId, type, code);
        if (!userId.equals(challenge.userId())) {
            // Someone else's code: as wrong as a wrong code.
            throw OtpService.wrongCode();
        }
        UserId user = new UserId(userId);
        if (type == OtpType.PHONE_VERIFICATION) {
            commands.sendAndWait(new VerifyPhone(user, cipher.encrypt(user, new PhoneNumber(challenge.phone()).value(),
                                                                     Mask.PHONE)));
        } else {
            commands.sendAndWait(new VerifyEmail(user, cipher.encrypt(user, new EmailAddress(challenge.email()).value(),
                                                                     Mask.EMAIL)));
        }
    }

    private static ApiException noAccount() {
        return new ApiException(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no account for this token"));
    }
}
