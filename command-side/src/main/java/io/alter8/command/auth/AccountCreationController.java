package io.alter8.command.auth;

import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create accounts directly, for any role they may give (field executives, auditors …) and in bulk (the local
 * seed's owners): no codes, the admin recorded as who registered the account. Apart from sign-up, so that sign-up's
 * limits per client address do not apply to admins' work, and sign-up never behaves differently for a token.
 */
@RestController
@Tag(name = "Users", description = "Account administration")
class AccountCreationController {

    private final Registration registration;

    AccountCreationController(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/admin/users")
    @Operation(summary = "Create an account", description = "Admins; 201 with {id, version, position}. The body is "
            + "the sign-up's; a taken e-mail or phone is a 409.")
    ResponseEntity<CommandAccepted> create(@Valid @RequestBody AuthController.RegisterRequest request) {
        return registration.registerBy(Callers.actor(), request.toRegistration());
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.POST, "/api/admin/users").hasAnyRole("admin", "super_admin");
        }
    }
}
