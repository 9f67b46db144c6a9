package io.alter8.command.auth;

import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Integration API keys of owners and property managers (plans with {@code api_access}), and their exchange for an
 * access token. Answers with a secret or a token are never cached.
 */
@RestController
@Tag(name = "API keys", description = "Keys for integrations, traded for access tokens")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record ApiKeyRequest(@NotBlank @Size(max = 100) String name) {
    }

    record ApiKeyExchange(@NotBlank @Size(max = 200) String key) {
    }

    @PostMapping("/api/users/me/api-keys")
    @ApiResponse(responseCode = "201", description = "Created; the secret is in this answer only")
    @Operation(summary = "Create an integration API key (owners, property managers)",
               description = "403 plan-limit (feature api_access) unless the account's plan enables api_access. "
                       + "Only a hash of the secret is kept: it cannot be shown again.")
    ResponseEntity<ApiKeys.Created> create(@Valid @RequestBody ApiKeyRequest request) {
        ApiKeys.Created created = keys.create(CurrentUser.require().id(), request.name().strip());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(created);
    }

    @GetMapping("/api/users/me/api-keys")
    @Operation(summary = "The caller's API keys, revoked ones too, without their secrets")
    List<ApiKeys.KeyView> list() {
        return keys.of(CurrentUser.require().id());
    }

    @DeleteMapping("/api/users/me/api-keys/{id}")
    @Operation(summary = "Revoke one of the caller's API keys",
               description = "Ends the sessions its tokens belong to at once, on both services; 404 for a key "
                       + "that is not the caller's.")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(CurrentUser.require().id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/auth/api-key-token")
    @Operation(summary = "Trade an API key for an access token",
               description = "The login's answer without a refresh token: exchange the key again when the token "
                       + "expires. 401 for a wrong or revoked key; 403 plan-limit once the plan no longer enables "
                       + "api_access.")
    ResponseEntity<AuthController.TokenAnswer> exchange(@Valid @RequestBody ApiKeyExchange request,
                                                        HttpServletRequest http) {
        return AuthController.noStore(AuthController.TokenAnswer.of(
                keys.exchange(request.key(), AuthController.client(null, http))));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/users/me/api-keys", "/api/users/me/api-keys/*")
                 .hasAnyRole("owner", "property_manager");
        }
    }
}
