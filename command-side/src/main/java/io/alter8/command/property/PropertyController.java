package io.alter8.command.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.property.AddUnit;
import io.alter8.api.property.AssignListingAgent;
import io.alter8.api.property.AssignPropertyManager;
import io.alter8.api.property.ChangeAmenities;
import io.alter8.api.property.ChangeListingStatus;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.ChangePropertyStatus;
import io.alter8.api.property.ChangeRentalTerms;
import io.alter8.api.property.HudApproval;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordHudApproval;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.property.RegisterProperty;
import io.alter8.api.property.RemoveUnit;
import io.alter8.api.property.ReviewProperty;
import io.alter8.api.property.ReviseUnit;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.property.PropertyInputs.AmenityInput;
import io.alter8.command.property.PropertyInputs.TermsInput;
import io.alter8.command.property.PropertyInputs.UnitInput;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import io.alter8.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The property catalog's commands. Routes admit roles ({@link PropertyAccessRules}); the property decides whose
 * property it is. Every change takes {@code If-Match: "<version>"} (412 when stale).
 */
@RestController
@RequestMapping("/api/properties")
@Tag(name = "Properties", description = "Register properties, describe them, let them and list them")
class PropertyController {

    private final CommandSender commands;
    private final Places places;

    PropertyController(CommandSender commands, Places places) {
        this.commands = commands;
        this.places = places;
    }

    record AmenitiesRequest(@NotNull @Size(max = 100) List<@NotNull @Valid AmenityInput> amenities) {
    }

    record StatusRequest(@NotNull @OneOf(PropertyStatus.class) String status, @Size(max = 500) String reason) {
    }

    record ListingStatusRequest(@NotNull @OneOf(ListingStatus.class) String status) {
    }

    record VerificationRequest(@NotNull @OneOf(PropertyVerificationStatus.class) String status,
                               @Size(max = 2000) String notes) {
    }

    record AgentRequest(UUID agentId) {
    }

    record ManagerRequest(UUID managerId) {
    }

    record HudApprovalRequest(@NotNull Boolean approved, @PastOrPresent LocalDate approvalDate,
                              @Size(max = 100) String programType) {
    }

    record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
                         @Size(max = Reviews.MAX_REVIEW_LENGTH) String comment) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Registered; Location is the property on the query side")
    @Operation(summary = "Register a property",
               description = "201 with the query-side Location. Owners register their own; admins and property "
                       + "managers name the owner (ownerId). Repeating it with the same id and body changes nothing.")
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterPropertyRequest request) {
        Actor by = Callers.actor();
        if (by.role() != Role.OWNER && request.ownerId() == null) {
            throw ApiException.badInput("ownerId", "is required when an admin or property manager registers");
        }
        PropertyId id = request.id() == null ? PropertyId.random() : new PropertyId(request.id());
        RegisterProperty command = request.toCommand(id, by, places);
        return Slugs.sendAgainIfAMadeSlugWasTaken(request.asksForSlug(), () -> commands.create(
                command, id, request.id(), "/api/properties/" + id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Revise what the property is, where, whom it suits, its SEO and market data")
    ResponseEntity<CommandAccepted> reviseDetails(@PathVariable UUID id, @Valid @RequestBody DetailsRequest request,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) -> request.toCommand(property, by, places, version));
    }

    @PutMapping("/{id}/rental-terms")
    @Operation(summary = "Replace the rental terms", description = "Rent, deposit (at most 12 months' rent), "
            + "maintenance, brokerage, availability and lease duration, all in the rent's currency.")
    ResponseEntity<CommandAccepted> changeRentalTerms(@PathVariable UUID id, @Valid @RequestBody TermsInput terms,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ChangeRentalTerms(property, terms.toTerms(), by, version));
    }

    @PutMapping("/{id}/monthly-rent")
    @Operation(summary = "Change the monthly rent",
               description = "Send If-Match with the version you last read to refuse the change if it moved on (412).")
    ResponseEntity<CommandAccepted> changeMonthlyRent(@PathVariable UUID id,
                                                      @Valid @RequestBody MoneyInput monthlyRent,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ChangeMonthlyRent(property, monthlyRent.toMoney(), by, version));
    }

    @PutMapping("/{id}/amenities")
    @Operation(summary = "Replace the amenities", description = "Codes of the master amenities.")
    ResponseEntity<CommandAccepted> changeAmenities(@PathVariable UUID id,
                                                    @Valid @RequestBody AmenitiesRequest request,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                    String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ChangeAmenities(property, PropertyInputs.amenities(request.amenities()), by, version));
    }

    @PostMapping("/{id}/units")
    @ApiResponse(responseCode = "201", description = "Added; Location is the new unit on the query side")
    @Operation(summary = "Add a unit", description = "Multi-family, commercial and PG properties only. 201; the "
            + "Location names the new unit.")
    ResponseEntity<CommandAccepted> addUnit(@PathVariable UUID id, @Valid @RequestBody UnitInput unit,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        PropertyId propertyId = new PropertyId(id);
        UnitId unitId = UnitId.random();
        return commands.create(propertyId, ifMatch, (property, by, version) ->
                                       new AddUnit(property, unitId, unit.toSpec(), by, version),
                               "/api/properties/" + id + "/units/" + unitId);
    }

    @PutMapping("/{id}/units/{unitId}")
    @Operation(summary = "Revise a unit")
    ResponseEntity<CommandAccepted> reviseUnit(@PathVariable UUID id, @PathVariable UUID unitId,
                                               @Valid @RequestBody UnitInput unit,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ReviseUnit(property, new UnitId(unitId), unit.toSpec(), by, version));
    }

    @DeleteMapping("/{id}/units/{unitId}")
    @Operation(summary = "Remove a vacant unit", description = "A property keeps at least one unit.")
    ResponseEntity<CommandAccepted> removeUnit(@PathVariable UUID id, @PathVariable UUID unitId,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new RemoveUnit(property, new UnitId(unitId), by, version));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Move the property in its life",
               description = "draft → active → maintenance / inactive / sold; rented follows from leases.")
    ResponseEntity<CommandAccepted> changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                 String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ChangePropertyStatus(property, PropertyStatus.fromWire(request.status()),
                        PropertyInputs.strip(request.reason()), by, version));
    }

    @PutMapping("/{id}/listing-status")
    @Operation(summary = "Make the listing private, public or featured",
               description = "Public and featured need an active, verified property; featured only by admins.")
    ResponseEntity<CommandAccepted> changeListingStatus(@PathVariable UUID id,
                                                        @Valid @RequestBody ListingStatusRequest request,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                        String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ChangeListingStatus(property, ListingStatus.fromWire(request.status()), by, version));
    }

    @PutMapping("/{id}/verification")
    @Operation(summary = "Record the outcome of verifying the property (admins)")
    ResponseEntity<CommandAccepted> recordVerification(@PathVariable UUID id,
                                                       @Valid @RequestBody VerificationRequest request,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                       String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new RecordVerificationOutcome(property, PropertyVerificationStatus.fromWire(request.status()),
                        PropertyInputs.strip(request.notes()), null, by, version));
    }

    @PutMapping("/{id}/listing-agent")
    @Operation(summary = "Give the listing to an agent, or take it away (agentId null)")
    ResponseEntity<CommandAccepted> assignListingAgent(@PathVariable UUID id, @RequestBody AgentRequest request,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                       String ifMatch) {
        UserId agent = request.agentId() == null ? null : new UserId(request.agentId());
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) -> new AssignListingAgent(property, agent, by, version));
    }

    @PutMapping("/{id}/manager")
    @Operation(summary = "Give the running of the property to a property manager, or take it away (managerId null)")
    ResponseEntity<CommandAccepted> assignManager(@PathVariable UUID id, @RequestBody ManagerRequest request,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        UserId manager = request.managerId() == null ? null : new UserId(request.managerId());
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new AssignPropertyManager(property, manager, by, version));
    }

    @PutMapping("/{id}/hud-approval")
    @Operation(summary = "Record the property's HUD approval (US properties)")
    ResponseEntity<CommandAccepted> recordHudApproval(@PathVariable UUID id,
                                                      @Valid @RequestBody HudApprovalRequest request,
                                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                      String ifMatch) {
        HudApproval approval = new HudApproval(request.approved(), request.approvalDate(),
                                               PropertyInputs.strip(request.programType()));
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) -> new RecordHudApproval(property, approval, by, version));
    }

    @PostMapping("/{id}/reviews")
    @Operation(summary = "Rate the property 1–5 (tenants of a past or current lease)",
               description = "A later review by the same tenant replaces theirs.")
    ResponseEntity<CommandAccepted> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new PropertyId(id), ifMatch, (property, by, version) ->
                new ReviewProperty(property, request.rating(), PropertyInputs.strip(request.comment()), by, version));
    }
}
