package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.ApplyRecommendation;
import io.alter8.api.subscription.CancelSubscription;
import io.alter8.api.subscription.ChangeSubscription;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.ReactivateSubscription;
import io.alter8.api.subscription.RecommendPlan;
import io.alter8.api.subscription.StartSubscription;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Subscriptions of owners and property managers (admins for any of them). Each command's day is today on the
 * service's clock, so the same clock that the renewal job uses dates every period.
 */
@RestController
@RequestMapping("/api/subscriptions")
@Tag(name = "Subscriptions", description = "Subscribe to a plan, change it, cancel, reactivate")
class SubscriptionController {

    private final CommandSender commands;
    private final Clock clock;

    SubscriptionController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** {@code accountId} only for admins subscribing someone; {@code unitCount} absent takes the account's units. */
    record SubscriptionRequest(UUID id,
                               UUID accountId,
                               @NotNull UUID planId,
                               @OneOf(PaymentFrequency.class) String paymentFrequency,
                               @Min(0) @Max(1_000_000) Integer unitCount,
                               LocalDate trialEndsOn,
                               Boolean autoRenew) {
    }

    /** Either or both; absent keeps the current one. */
    record SubscriptionChangeRequest(UUID planId, @Min(0) @Max(1_000_000) Integer unitCount) {
    }

    record CancellationRequest(Boolean atPeriodEnd, @Size(max = Subscription.MAX_REASON_LENGTH) String reason) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Subscribed; Location is the subscription on the query side")
    @Operation(summary = "Subscribe to a plan, paid or on trial (owners, property managers; admins for one)",
               description = "A trial runs until trialEndsOn (1 to 90 days) without an invoice; otherwise the first "
                       + "period is invoiced. Price = max(minimum price, units × price per unit) a month, or twelve "
                       + "months less the plan's annual discount. An account has one subscription (409 "
                       + "account-subscribed): change or reactivate it.")
    ResponseEntity<CommandAccepted> start(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionId id = request.id() == null ? SubscriptionId.random() : new SubscriptionId(request.id());
        StartSubscription command = new StartSubscription(
                id, request.accountId() == null ? null : new UserId(request.accountId()), new PlanId(request.planId()),
                request.paymentFrequency() == null ? PaymentFrequency.MONTHLY
                                                   : PaymentFrequency.fromWire(request.paymentFrequency()),
                request.unitCount(), request.trialEndsOn(), request.autoRenew() == null || request.autoRenew(),
                today(), Callers.actor());
        return commands.create(command, id, request.id(), "/api/subscriptions/" + id);
    }

    @PutMapping("/{id}/plan")
    @Operation(summary = "Change plan or unit count at once",
               description = "The rest of the period is charged (more) or credited (less) by the day; limits of the "
                       + "new plan apply to the next command.")
    ResponseEntity<CommandAccepted> change(@PathVariable UUID id, @Valid @RequestBody SubscriptionChangeRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        PlanId plan = request.planId() == null ? null : new PlanId(request.planId());
        return commands.change(new SubscriptionId(id), ifMatch, (subscription, by, version) ->
                new ChangeSubscription(subscription, plan, request.unitCount(), today(), by, version));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel now (the rest of the period credited) or at the period's end")
    ResponseEntity<CommandAccepted> cancel(@PathVariable UUID id, @Valid @RequestBody CancellationRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        boolean atPeriodEnd = request.atPeriodEnd() != null && request.atPeriodEnd();
        return commands.change(new SubscriptionId(id), ifMatch, (subscription, by, version) ->
                new CancelSubscription(subscription, atPeriodEnd, request.reason(), today(), by, version));
    }

    @PostMapping("/{id}/reactivation")
    @Operation(summary = "Start a cancelled or expired subscription again with a new paid period")
    ResponseEntity<CommandAccepted> reactivate(@PathVariable UUID id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return commands.change(new SubscriptionId(id), ifMatch, (subscription, by, version) ->
                new ReactivateSubscription(subscription, today(), by, version));
    }

    /** {@code id} names the recommendation; absent, the server makes one. */
    record RecommendationRequest(UUID id) {
    }

    @PostMapping("/{id}/recommendations")
    @ApiResponse(responseCode = "201", description = "Recommended; Location is the subscription's recommendations")
    @Operation(summary = "Recommend the cheapest plan that fits the account's units and usage",
               description = "Of the plans on the market in the subscription's currency, the cheapest for its units "
                       + "and frequency that enables every counted feature the account uses with a limit at or "
                       + "above its usage (above it where the current limit is reached) and keeps the HUD and API "
                       + "features the current plan has. With the estimated saving a period (negative: it costs "
                       + "more) and 7 days to apply it. 409 no-better-plan when the current plan is that plan.")
    ResponseEntity<CommandAccepted> recommend(@PathVariable UUID id,
                                              @RequestBody(required = false) RecommendationRequest request) {
        UUID recommendation = request == null || request.id() == null ? UUID.randomUUID() : request.id();
        return commands.create(new SubscriptionId(id), null, (subscription, by, version) ->
                new RecommendPlan(subscription, recommendation, today(), by),
                               "/api/subscriptions/" + id + "/recommendations");
    }

    @PostMapping("/{id}/recommendations/{recommendationId}/application")
    @Operation(summary = "Apply a recommendation: the subscription moves to its plan (pro-rated as any change)")
    ResponseEntity<CommandAccepted> apply(@PathVariable UUID id, @PathVariable UUID recommendationId,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        return commands.change(new SubscriptionId(id), ifMatch, (subscription, by, version) ->
                new ApplyRecommendation(subscription, recommendationId, today(), by, version));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
