package io.alter8.command.auth;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.Role;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Self sign-up: the account (a {@code UserAccount}, through its command) and the way to log in (a credential row)
 * are made in one transaction — Axon's unit of work joins the one opened here — so there is never one without
 * the other. The password hash stays in the credential row, out of the event.
 */
@Service
class Registration {

    record Request(UUID id, EmailAddress email, PhoneNumber phone, String firstName, String lastName, Role role,
                   Country country, String preferredLanguage, String password) {
    }

    private final CommandSender commands;
    private final Credentials credentials;
    private final PasswordEncoder passwords;

    Registration(CommandSender commands, Credentials credentials, PasswordEncoder passwords) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
    }

    @Transactional
    public ResponseEntity<CommandAccepted> register(Request request) {
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        UserId userId = new UserId(id);
        ResponseEntity<CommandAccepted> answer = commands.create(
                new RegisterUser(userId, request.email(), request.phone(), request.firstName(), request.lastName(),
                                 request.role(), request.country(), language(request.preferredLanguage()), null),
                userId, "/api/users/" + id);
        if (credentials.findById(id).isEmpty()) {
            try {
                credentials.create(id, request.email().value(), request.phone().value(),
                                   passwords.encode(request.password()),
                                   List.of(request.role().wire()));
            } catch (DuplicateKeyException e) {
                throw ApiException.conflict("already-registered", "Already registered",
                                            "an account with this e-mail or phone exists");
            }
        }
        return answer;
    }

    static String language(String given) {
        return given == null || given.isBlank() ? "en" : given.strip().toLowerCase(Locale.ROOT);
    }
}
