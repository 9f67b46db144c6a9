package io.alter8.command.auth;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.user.Role;
import io.alter8.command.auth.otp.OtpType;
import io.alter8.command.validation.EmailFormat;
import io.alter8.command.validation.IndianIds;
import io.alter8.command.validation.StrongPassword;
import io.alter8.command.validation.UsIds;
import io.alter8.command.web.OneOf;
import io.alter8.web.RequestContext;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/auth}: the only endpoints that deal in secrets, hence on the command side and outside the event
 * stream. Token answers are never cached.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Auth", description = "Log in, refresh, log out, sessions")
class AuthController {

    private final AuthService auth;
    private final PasswordReset passwordReset;
    private final Registration registration;
    private final ContactVerification contactVerification;

    AuthController(AuthService auth, PasswordReset passwordReset, Registration registration,
                   ContactVerification contactVerification) {
        this.auth = auth;
        this.passwordReset = passwordReset;
        this.registration = registration;
        this.contactVerification = contactVerification;
    }

    /** Sign-up. The phone is checked against the country; the role must be one people may take themselves. */
    record RegisterRequest(UUID id,
                           @jakarta.validation.constraints.NotNull @EmailFormat String email,
                           @NotBlank String phone,
                           @NotBlank @Size(max = 100) String firstName,
                           @NotBlank @Size(max = 100) String lastName,
                           @jakarta.validation.constraints.NotNull @OneOf(Role.class) String role,
                           @jakarta.validation.constraints.NotNull @OneOf(Country.class) String country,
                           @jakarta.validation.constraints.Pattern(regexp = "[a-z]{2}",
                                                                   message = "must be a two-letter language code")
                           String preferredLanguage,
                           @NotBlank @StrongPassword String password) {

        Registration.Request toRegistration() {
            return new Registration.Request(id, new EmailAddress(email), new PhoneNumber(phone.strip()),
                                            firstName.strip(), lastName.strip(), Role.fromWire(role),
                                            Country.fromWire(country), preferredLanguage, password);
        }

        @jakarta.validation.constraints.AssertTrue(message = "must be a mobile number of the country, like "
                + "+919876543210 (IN) or +12125550123 (US)")
        boolean isPhone() {
            if (phone == null || phone.isBlank() || country == null) {
                return true;
            }
            return switch (country) {
                case "IN" -> IndianIds.isMobile(phone);
                case "US" -> UsIds.isPhone(phone);
                default -> true;
            };
        }
    }

    private static final String PURPOSES = "password_reset|phone_verification|email_verification";
    private static final String PURPOSES_MESSAGE =
            "must be password_reset, phone_verification or email_verification";

    /**
     * {@code password_reset} needs the {@code login} and no token; {@code phone_verification} and
     * {@code email_verification} are for the caller's own account and need a token.
     */
    record OtpRequest(@NotBlank @jakarta.validation.constraints.Pattern(regexp = PURPOSES, message = PURPOSES_MESSAGE)
                      String purpose,
                      @Size(max = 255) String login) {

        @jakarta.validation.constraints.AssertTrue(message = "is needed to reset a password")
        boolean isLogin() {
            return !"password_reset".equals(purpose) || login != null && !login.isBlank();
        }
    }

    record OtpVerification(@jakarta.validation.constraints.NotNull UUID challengeId,
                           @NotBlank @jakarta.validation.constraints.Pattern(regexp = PURPOSES,
                                                                             message = PURPOSES_MESSAGE)
                           String purpose,
                           @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9]{6}",
                                                                             message = "must be 6 digits")
                           String code,
                           @StrongPassword String newPassword) {

        @jakarta.validation.constraints.AssertTrue(message = "must be 12 to 200 characters")
        boolean isNewPassword() {
            return !"password_reset".equals(purpose) || newPassword != null;
        }
    }

    record LoginRequest(@NotBlank @Size(max = 255) String login, @NotBlank @Size(max = 200) String password,
                        @Size(max = 255) String deviceInfo) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record TokenAnswer(String accessToken, String tokenType, long expiresIn, Instant accessTokenExpiresAt,
                       String refreshToken, UUID sessionId) {

        static TokenAnswer of(AuthService.TokenPair pair) {
            return new TokenAnswer(pair.accessToken(), "Bearer",
                                   Math.max(0, pair.accessTokenExpiresAt().getEpochSecond() - Instant.now().getEpochSecond()),
                                   pair.accessTokenExpiresAt(), pair.refreshToken(), pair.sessionId());
        }
    }

    /** The codes sent to the e-mail address and the phone of a sign-up. */
    record RegistrationCodes(@jakarta.validation.constraints.NotNull UUID registrationId,
                             @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9]{6}",
                                                                               message = "must be 6 digits")
                             String emailCode,
                             @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9]{6}",
                                                                               message = "must be 6 digits")
                             String phoneCode) {
    }

    @PostMapping("/register")
    @ApiResponse(responseCode = "202", description = "Codes sent; finish at /api/auth/register/verify")
    @Operation(summary = "Sign up",
               description = "Owners, tenants, agents and property managers sign up themselves: 202 with a "
                       + "registrationId, and a code goes to the e-mail address and another to the phone; "
                       + "POST /api/auth/register/verify with both makes the account. The answer is the same when "
                       + "the e-mail or phone is taken (its owner is told instead). The id is the server's; admins "
                       + "create accounts with a chosen id at POST /api/admin/users.")
    ResponseEntity<Registration.SignUpStarted> register(@Valid @RequestBody RegisterRequest request) {
        if (request.id() != null) {
            throw io.alter8.web.ApiException.badInput("id", "is chosen by the server at sign-up");
        }
        return ResponseEntity.accepted().cacheControl(CacheControl.noStore())
                             .body(registration.start(request.toRegistration()));
    }

    @PostMapping("/register/verify")
    @ApiResponse(responseCode = "201", description = "Signed up; Location is the account on the query side")
    @Operation(summary = "Finish signing up with the codes sent to the e-mail address and the phone",
               description = "201 with {id, version, position}; then log in. Wrong, expired or used codes are 400.")
    ResponseEntity<io.alter8.command.web.CommandAccepted> completeRegistration(
            @Valid @RequestBody RegistrationCodes codes) {
        return registration.complete(codes.registrationId(), codes.emailCode(), codes.phoneCode());
    }

    @PostMapping("/login")
    @ApiResponse(responseCode = "200", description = "Logged in",
                 content = @Content(schema = @Schema(implementation = TokenAnswer.class)))
    @ApiResponse(responseCode = "202", description = "Two-factor login is on: finish it with the code sent to the phone",
                 content = @Content(schema = @Schema(implementation = SecondFactorAnswer.class)))
    @Operation(summary = "Log in by email or phone and password",
               description = "An access token (15 min) and a refresh token (30 days, single use). Five wrong "
                       + "passwords lock the account for 15 minutes; the answer never says whether a login exists.")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        AuthService.LoginResult result = auth.login(request.login(), request.password(), client(request.deviceInfo(),
                                                                                             http));
        if (result instanceof AuthService.SecondFactorNeeded second) {
            return ResponseEntity.accepted().cacheControl(CacheControl.noStore())
                                 .body(new SecondFactorAnswer(true, second.challengeId(), second.expiresAt()));
        }
        return noStore(TokenAnswer.of(((AuthService.LoggedIn) result).tokens()));
    }

    record SecondFactorAnswer(boolean secondFactorRequired, UUID challengeId, Instant expiresAt) {
    }

    record SecondFactorRequest(@jakarta.validation.constraints.NotNull UUID challengeId,
                               @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9]{6}",
                                                                                 message = "must be 6 digits")
                               String code,
                               @Size(max = 255) String deviceInfo) {
    }

    record TwoFactorSetting(@jakarta.validation.constraints.NotNull Boolean enabled,
                            @Size(max = 200) String password) {

        @jakarta.validation.constraints.AssertTrue(message = "is needed to turn two-factor login off")
        boolean isPassword() {
            return !Boolean.FALSE.equals(enabled) || password != null && !password.isEmpty();
        }
    }

    @PostMapping("/login/second-factor")
    @Operation(summary = "Finish a two-factor login with the code sent to the phone")
    ResponseEntity<TokenAnswer> secondFactor(@Valid @RequestBody SecondFactorRequest request,
                                             HttpServletRequest http) {
        return noStore(TokenAnswer.of(auth.completeLogin(request.challengeId(), request.code(),
                                                         client(request.deviceInfo(), http))));
    }

    @org.springframework.web.bind.annotation.PutMapping("/two-factor")
    @Operation(summary = "Turn two-factor login on or off for the caller's account",
               description = "Turning it off takes the account's password (403 if wrong; wrong ones count towards "
                       + "the lockout).")
    ResponseEntity<Void> twoFactor(@Valid @RequestBody TwoFactorSetting setting) {
        auth.setTwoFactor(CurrentUser.require().id(), setting.enabled(), setting.password());
        return ResponseEntity.noContent().build();
    }

    static AuthService.Client client(String deviceInfo, HttpServletRequest http) {
        return new AuthService.Client(deviceInfo, RequestContext.clientIp(http), http.getHeader(HttpHeaders.USER_AGENT));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens",
               description = "The refresh token is spent; presenting a spent one ends its whole session.")
    ResponseEntity<TokenAnswer> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(TokenAnswer.of(auth.refresh(request.refreshToken())));
    }

    @PostMapping("/logout")
    @Operation(summary = "End the session of the access token",
               description = "409 for a service token (minted by the local stack, not by a login): it has no "
                       + "session to end and expires on its own.")
    ResponseEntity<Void> logout() {
        auth.logout(CurrentUser.require().session().orElseThrow(() -> new io.alter8.web.ApiException(
                io.alter8.web.Problems.of(org.springframework.http.HttpStatus.CONFLICT, "no-session", "No session",
                                          "this token was not issued by a login; it has no session to end"))));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    @Operation(summary = "The caller's open sessions")
    List<AuthService.SessionView> sessions() {
        CurrentUser me = CurrentUser.require();
        return auth.sessionsOf(me.id(), me.session().orElse(null));
    }

    @DeleteMapping("/sessions/{id}")
    @Operation(summary = "End one of the caller's sessions")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        auth.revoke(CurrentUser.require().id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/otp/request")
    @ApiResponse(responseCode = "202", description = "Sent, if the login exists")
    @Operation(summary = "Send a one-time code",
               description = "Six digits, valid 10 minutes, 5 tries, at most 3 codes an hour to one phone. The "
                       + "answer is the same whether the login exists or not.")
    ResponseEntity<PasswordReset.Requested> requestOtp(@Valid @RequestBody OtpRequest request) {
        OtpType type = OtpType.valueOf(request.purpose().toUpperCase(java.util.Locale.ROOT));
        PasswordReset.Requested requested = type == OtpType.PASSWORD_RESET
                ? passwordReset.request(request.login())
                : contactVerification.request(caller().id(), type);
        return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).body(requested);
    }

    @PostMapping("/otp/verify")
    @Operation(summary = "Use a one-time code", description = "For password_reset: sets the new password and ends "
            + "every session of the account.")
    ResponseEntity<Void> verifyOtp(@Valid @RequestBody OtpVerification request) {
        OtpType type = OtpType.valueOf(request.purpose().toUpperCase(java.util.Locale.ROOT));
        if (type == OtpType.PASSWORD_RESET) {
            passwordReset.confirm(request.challengeId(), request.code(), request.newPassword());
        } else {
            contactVerification.confirm(caller().id(), request.challengeId(), type, request.code());
        }
        return ResponseEntity.noContent().build();
    }

    /** The OTP routes are open for password resets; verifying one's own phone or e-mail needs a token. */
    private static CurrentUser caller() {
        return CurrentUser.get().orElseThrow(() -> new io.alter8.web.ApiException(
                io.alter8.web.security.ApiSecurityConfiguration.unauthenticated()).withHeader("WWW-Authenticate",
                                                                                             "Bearer"));
    }

    static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
