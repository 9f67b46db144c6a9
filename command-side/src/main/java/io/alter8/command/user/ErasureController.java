package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.EraseUser;
import io.alter8.api.user.RequestErasure;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The right to be forgotten: a user asks for their own erasure, an admin carries it out (or erases directly). The
 * account decides who may, and whether a retention rule forbids it; the erasure's effects (key shredded, claims
 * released, login removed, sessions ended) commit with its event.
 */
@RestController
@Tag(name = "Users", description = "Account administration")
class ErasureController {

    private final CommandSender commands;

    ErasureController(CommandSender commands) {
        this.commands = commands;
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/users/{id}/erasure-request")
    @Operation(summary = "Ask for the erasure of one's own account",
               description = "The user themselves only; an admin then erases the account.")
    ResponseEntity<CommandAccepted> request(@PathVariable UUID id) {
        return commands.change(new UserId(id), RequestErasure::new);
    }

    @PostMapping("/api/users/{id}/erase")
    @Operation(summary = "Erase an account",
               description = "Admins; an admin's account only by a super admin. Shreds the user's data key, releases "
                       + "their e-mail, phone and identity numbers, removes their login and ends their sessions. "
                       + "409 erasure-retained names the retention rules that forbid it (open-lease).")
    ResponseEntity<CommandAccepted> erase(@PathVariable UUID id, @Valid @RequestBody ErasureRequest request) {
        return commands.change(new UserId(id), (user, by) -> new EraseUser(user, request.reason().strip(), by));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.POST, "/api/users/*/erase").hasAnyRole("admin", "super_admin");
        }
    }
}
