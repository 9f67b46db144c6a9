package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.ReactivateUser;
import io.alter8.api.user.Role;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * What admins do to accounts: give roles, deactivate, reactivate. The route admits admins only; the account itself
 * decides the finer rules (a super admin for admin roles, nobody on their own account) from the actor the token
 * names.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Account administration")
class UserAdminController {

    private final CommandSender commands;

    UserAdminController(CommandSender commands) {
        this.commands = commands;
    }

    record RoleRequest(@NotNull @OneOf(Role.class) String role) {
    }

    record DeactivationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PutMapping("/{id}/role")
    @Operation(summary = "Give a user another role", description = "Admins; admin roles only by a super admin.")
    ResponseEntity<CommandAccepted> changeRole(@PathVariable UUID id, @Valid @RequestBody RoleRequest request) {
        return commands.change(new UserId(id), (user, by) -> new ChangeRole(user, Role.fromWire(request.role()), by));
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate an account", description = "Ends its sessions; it can no longer log in.")
    ResponseEntity<CommandAccepted> deactivate(@PathVariable UUID id,
                                               @Valid @RequestBody DeactivationRequest request) {
        return commands.change(new UserId(id), (user, by) -> new DeactivateUser(user, request.reason().strip(), by));
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate an account")
    ResponseEntity<CommandAccepted> reactivate(@PathVariable UUID id) {
        return commands.change(new UserId(id), ReactivateUser::new);
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.PUT, "/api/users/*/role").hasAnyRole("admin", "super_admin")
                 .requestMatchers(HttpMethod.POST, "/api/users/*/deactivate", "/api/users/*/reactivate")
                 .hasAnyRole("admin", "super_admin");
        }
    }
}
