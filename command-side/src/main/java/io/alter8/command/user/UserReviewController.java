package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.RecordTenantScreening;
import io.alter8.api.user.ReviewAgentLicence;
import io.alter8.api.user.ReviewOwnerKyc;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Reviews of what users declare: an owner's KYC, an agent's RERA licence, a tenant's screening. The route admits
 * admins only (no assignment ties a user's review to a field executive); the account applies the same rule to every
 * way a review arrives, and decides whether there is anything to review.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Account administration")
class UserReviewController {

    private final CommandSender commands;

    UserReviewController(CommandSender commands) {
        this.commands = commands;
    }

    record KycReviewRequest(@NotNull @OneOf(KycStatus.class) String status, @Size(max = 1000) String note) {
    }

    record LicenceReviewRequest(@NotNull @OneOf(AgentVerificationStatus.class) String status,
                                @Size(max = 1000) String note) {
    }

    record ScreeningRequest(@NotNull @OneOf(CheckStatus.class) String backgroundCheckStatus,
                            UUID backgroundCheckReportId,
                            @NotNull @OneOf(CheckStatus.class) String creditCheckStatus,
                            @Min(300) @Max(900) Integer creditScore) {
    }

    @PostMapping("/{id}/owner-kyc/review")
    @Operation(summary = "Record the outcome of an owner's KYC review", description = "Admins.")
    ResponseEntity<CommandAccepted> reviewOwnerKyc(@PathVariable UUID id,
                                                   @Valid @RequestBody KycReviewRequest request) {
        return commands.change(new UserId(id), (user, by) -> new ReviewOwnerKyc(
                user, KycStatus.fromWire(request.status()), PersonalInput.text(request.note()), by));
    }

    @PostMapping("/{id}/agent-licence/review")
    @Operation(summary = "Record the outcome of an agent's licence review",
               description = "Admins.")
    ResponseEntity<CommandAccepted> reviewAgentLicence(@PathVariable UUID id,
                                                       @Valid @RequestBody LicenceReviewRequest request) {
        return commands.change(new UserId(id), (user, by) -> new ReviewAgentLicence(
                user, AgentVerificationStatus.fromWire(request.status()), PersonalInput.text(request.note()), by));
    }

    @PostMapping("/{id}/tenant-screening")
    @Operation(summary = "Record a tenant's background and credit checks",
               description = "Admins.")
    ResponseEntity<CommandAccepted> recordTenantScreening(@PathVariable UUID id,
                                                          @Valid @RequestBody ScreeningRequest request) {
        return commands.change(new UserId(id), (user, by) -> new RecordTenantScreening(
                user, CheckStatus.fromWire(request.backgroundCheckStatus()), request.backgroundCheckReportId(),
                CheckStatus.fromWire(request.creditCheckStatus()), request.creditScore(), by));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.POST, "/api/users/*/owner-kyc/review", "/api/users/*/agent-licence/review",
                                  "/api/users/*/tenant-screening")
                 .hasAnyRole("admin", "super_admin");
        }
    }
}
