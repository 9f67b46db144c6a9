package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.common.FeatureId;
import io.alter8.api.subscription.DeactivatePlan;
import io.alter8.api.subscription.DefineFeature;
import io.alter8.api.subscription.DefinePlan;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.RevisePlan;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.Callers;
import io.alter8.command.web.MoneyInput;
import io.alter8.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The plan and feature catalogs, for admins ({@link SubscriptionAccessRules}): define, revise, deactivate. */
@RestController
@Tag(name = "Plans", description = "The subscription plan catalog (admins)")
class PlanController {

    static final String FEATURE_CODE = "[a-z][a-z0-9_]{1,63}";

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    /** One feature of a plan; {@code enabled} absent means enabled, {@code usageLimit} absent no limit. */
    record PlanFeatureInput(@NotNull @Pattern(regexp = FEATURE_CODE, message = "must be a feature code") String feature,
                            Boolean enabled,
                            @Min(0) Integer usageLimit) {

        PlanFeature toFeature() {
            return new PlanFeature(feature, enabled == null || enabled, usageLimit);
        }
    }

    /** Monthly prices; the annual price is twelve of them less the discount. */
    record PlanRequest(UUID id,
                       @NotBlank @Size(max = 100) String name,
                       @Size(max = 2000) String description,
                       @NotNull @Valid MoneyInput pricePerUnit,
                       @NotNull @Valid MoneyInput minimumPrice,
                       @Min(1) Integer maximumUnits,
                       Boolean custom,
                       @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                       BigDecimal annualDiscountPercent,
                       @NotNull @Size(max = 50) List<@NotNull @Valid PlanFeatureInput> features) {

        PlanTerms toTerms() {
            return new PlanTerms(name.strip(), description == null || description.isBlank() ? null
                                                                                              : description.strip(),
                                 pricePerUnit.toMoney(), minimumPrice.toMoney(), maximumUnits,
                                 custom != null && custom, annualDiscountPercent,
                                 features.stream().map(PlanFeatureInput::toFeature).toList());
        }
    }

    /** A feature admins add to the catalog; its code is the path's. */
    record FeatureRequest(@NotBlank @Size(max = 100) String name,
                          @Size(max = 2000) String description,
                          @NotBlank @Size(max = 50) String category) {
    }

    @PutMapping("/api/features/{code}")
    @ApiResponse(responseCode = "201", description = "Defined; Location is the feature catalog on the query side")
    @Operation(summary = "Add a feature to the catalog (admins); plans may then name it",
               description = "Repeating it with the same body changes nothing; a code in the catalog is a 409.")
    ResponseEntity<CommandAccepted> defineFeature(@PathVariable String code,
                                                  @Valid @RequestBody FeatureRequest request) {
        if (!code.matches(FEATURE_CODE)) {
            throw ApiException.badInput("code", "must be a feature code: a-z, 0-9 and _, 2 to 64 characters");
        }
        FeatureId id = DefineFeature.idOf(code);
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        return commands.create(new DefineFeature(id, code, request.name().strip(), description,
                                                 request.category().strip(), Callers.actor()),
                               id, "/api/features");
    }

    @PostMapping("/api/plans")
    @ApiResponse(responseCode = "201", description = "Defined; Location is the plan on the query side")
    @Operation(summary = "Define a plan (admins)",
               description = "Repeating it with the same id and body changes nothing; features name codes of the "
                       + "feature catalog.")
    ResponseEntity<CommandAccepted> define(@Valid @RequestBody PlanRequest request) {
        PlanId id = request.id() == null ? PlanId.random() : new PlanId(request.id());
        return commands.create(new DefinePlan(id, request.toTerms(), Callers.actor()), id, request.id(),
                               "/api/plans/" + id);
    }

    @PutMapping("/api/plans/{id}")
    @Operation(summary = "Replace a plan's terms (admins); its currency stays",
               description = "Subscriptions on it pay the new price from their next period.")
    ResponseEntity<CommandAccepted> revise(@PathVariable UUID id, @Valid @RequestBody PlanRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new PlanId(id), ifMatch, (plan, by, version) ->
                new RevisePlan(plan, request.toTerms(), by, version));
    }

    @PostMapping("/api/plans/{id}/deactivation")
    @Operation(summary = "Take a plan off the market (admins); subscriptions on it carry on")
    ResponseEntity<CommandAccepted> deactivate(@PathVariable UUID id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return commands.change(new PlanId(id), ifMatch, DeactivatePlan::new);
    }
}
