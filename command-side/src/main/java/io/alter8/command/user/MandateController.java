package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.GrantManagementMandate;
import io.alter8.api.user.RevokeManagementMandate;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * An owner's mandates: the property managers who may register properties in the owner's name. The route admits
 * owners and admins; the owner's account decides that an owner acts only on their own.
 */
@RestController
@RequestMapping("/api/users/{id}/managers/{managerId}")
@Tag(name = "Users", description = "Account administration")
class MandateController {

    private final CommandSender commands;

    MandateController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping
    @Operation(summary = "Give a property manager a mandate to register properties in the owner's name",
               description = "The owner, or an admin. The manager must be an active property manager.")
    ResponseEntity<CommandAccepted> grant(@PathVariable UUID id, @PathVariable UUID managerId) {
        return commands.change(new UserId(id),
                               (owner, by) -> new GrantManagementMandate(owner, new UserId(managerId), by));
    }

    @DeleteMapping
    @Operation(summary = "End a property manager's mandate",
               description = "The owner, or an admin. Properties naming the manager keep them until the owner "
                       + "assigns another (PUT /api/properties/{id}/manager).")
    ResponseEntity<CommandAccepted> revoke(@PathVariable UUID id, @PathVariable UUID managerId) {
        return commands.change(new UserId(id),
                               (owner, by) -> new RevokeManagementMandate(owner, new UserId(managerId), by));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.PUT, "/api/users/*/managers/*").hasAnyRole("owner", "admin", "super_admin")
                 .requestMatchers(HttpMethod.DELETE, "/api/users/*/managers/*")
                 .hasAnyRole("owner", "admin", "super_admin");
        }
    }
}
