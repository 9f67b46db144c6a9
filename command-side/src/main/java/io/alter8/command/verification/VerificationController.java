package io.alter8.command.verification;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.verification.AssignVerification;
import io.alter8.api.verification.CompleteVerification;
import io.alter8.api.verification.GiveVerificationFeedback;
import io.alter8.api.verification.LegalFindings;
import io.alter8.api.verification.RejectVerification;
import io.alter8.api.verification.RequestPropertyVerification;
import io.alter8.api.verification.ScheduleVerification;
import io.alter8.api.verification.StartVerification;
import io.alter8.api.verification.VerificationReport;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Property verifications: requested on the property, then assigned, scheduled, started, completed or rejected, and
 * rated by the owner. Routes admit roles ({@link Rules}); the aggregates decide whose property or verification it
 * is (a field executive acts only on verifications assigned to them). Changes take {@code If-Match}.
 */
@RestController
@Tag(name = "Verifications", description = "Verify properties: request, assign, visit, report, rate")
class VerificationController {

    private final CommandSender commands;

    VerificationController(CommandSender commands) {
        this.commands = commands;
    }

    record VerificationRequest(UUID id, @NotNull @OneOf(VerificationType.class) String type) {
    }

    record AssignmentRequest(@NotNull UUID fieldExecutiveId, UUID agentId) {
    }

    record ScheduleRequest(@NotNull @Future Instant scheduledAt) {
    }

    record LegalInput(@NotNull Boolean documentsVerified, @NotNull Boolean titleClear,
                      @Size(max = 50) List<@NotBlank @Size(max = 500) String> issues) {
    }

    record CompletionRequest(@NotNull @Min(1) @Max(10) Integer qualityScore,
                             @Size(max = 50) List<@NotBlank @Size(max = 500) String> issuesFound,
                             @Size(max = 50) List<@NotBlank @Size(max = 500) String> recommendations,
                             @Size(max = 100) List<@NotNull UUID> mediaIds,
                             @Size(max = 100) Map<@NotBlank @Size(max = 100) String,
                                                 @NotNull @Size(max = 2000) String> report,
                             @Valid LegalInput legal) {

        VerificationReport toReport() {
            LegalFindings findings = legal == null ? null
                    : new LegalFindings(legal.documentsVerified(), legal.titleClear(), strip(legal.issues()));
            List<MediaId> media = mediaIds == null ? List.of() : mediaIds.stream().map(MediaId::new).toList();
            return new VerificationReport(qualityScore, strip(issuesFound), strip(recommendations), media, report,
                                          findings, List.of());
        }

        private static List<String> strip(List<String> texts) {
            return texts == null ? List.of() : texts.stream().map(String::strip).toList();
        }
    }

    record RejectionRequest(@NotBlank @Size(max = PropertyVerification.MAX_TEXT) String reason) {
    }

    record FeedbackRequest(@Min(1) @Max(5) Integer agentRating, @NotNull @Min(1) @Max(5) Integer executiveRating,
                           @Size(max = PropertyVerification.MAX_TEXT) String feedback) {
    }

    @PostMapping("/api/properties/{id}/verifications")
    @ApiResponse(responseCode = "201", description = "Requested; Location is the verification on the query side")
    @Operation(summary = "Ask for a verification of the property (its owner, its listing agent, admins)",
               description = "201 with the verification's Location on the query side, once the verification process "
                       + "opened it (202 with that Location if it takes more than a few seconds). One verification "
                       + "of a property is open at a time (409 otherwise). Sending the same id again changes nothing.")
    ResponseEntity<CommandAccepted> request(@PathVariable UUID id, @Valid @RequestBody VerificationRequest request,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        VerificationId verification = request.id() == null ? VerificationId.random()
                                                           : new VerificationId(request.id());
        return commands.createThrough(new PropertyId(id), ifMatch, (property, by, version) ->
                new RequestPropertyVerification(property, verification, VerificationType.fromWire(request.type()), by,
                                                version), verification, PropertyVerification.class.getSimpleName(),
                "/api/verifications/" + verification);
    }

    @PutMapping("/api/verifications/{id}/assignment")
    @Operation(summary = "Give the verification to a field executive, optionally with an agent (admins)",
               description = "Again until it is completed or rejected; a new field executive starts afresh.")
    ResponseEntity<CommandAccepted> assign(@PathVariable UUID id, @Valid @RequestBody AssignmentRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        UserId agent = request.agentId() == null ? null : new UserId(request.agentId());
        return commands.change(new VerificationId(id), ifMatch, (verification, by, version) ->
                new AssignVerification(verification, new UserId(request.fieldExecutiveId()), agent, by, version));
    }

    @PutMapping("/api/verifications/{id}/schedule")
    @Operation(summary = "Schedule the visit (the assigned field executive, admins)")
    ResponseEntity<CommandAccepted> schedule(@PathVariable UUID id, @Valid @RequestBody ScheduleRequest request,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return commands.change(new VerificationId(id), ifMatch, (verification, by, version) ->
                new ScheduleVerification(verification, request.scheduledAt(), by, version));
    }

    @PostMapping("/api/verifications/{id}/start")
    @Operation(summary = "Start the visit (the assigned field executive)")
    ResponseEntity<CommandAccepted> start(@PathVariable UUID id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        return commands.change(new VerificationId(id), ifMatch, StartVerification::new);
    }

    @PostMapping("/api/verifications/{id}/completion")
    @Operation(summary = "File the report: the property becomes verified (the assigned field executive, admins)",
               description = "Quality score 1–10; a legal verification also reports legal (documents verified, "
                       + "title clear, issues). mediaIds are media of the property (such as those its field "
                       + "executive uploaded for this verification); one that is not is a 400 naming it.")
    ResponseEntity<CommandAccepted> complete(@PathVariable UUID id, @Valid @RequestBody CompletionRequest request,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return commands.change(new VerificationId(id), ifMatch, (verification, by, version) ->
                new CompleteVerification(verification, request.toReport(), by, version));
    }

    @PostMapping("/api/verifications/{id}/rejection")
    @Operation(summary = "Reject the property, saying why (the assigned field executive, admins)")
    ResponseEntity<CommandAccepted> reject(@PathVariable UUID id, @Valid @RequestBody RejectionRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new VerificationId(id), ifMatch, (verification, by, version) ->
                new RejectVerification(verification, request.reason().strip(), by, version));
    }

    @PutMapping("/api/verifications/{id}/feedback")
    @Operation(summary = "Rate the field executive and the agent 1–5 (the property's owner, once it is final)",
               description = "agentRating only, and then required, when an agent was assigned. Sending it again "
                       + "revises it; the latest counts.")
    ResponseEntity<CommandAccepted> feedback(@PathVariable UUID id, @Valid @RequestBody FeedbackRequest request,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return commands.change(new VerificationId(id), ifMatch, (verification, by, version) ->
                new GiveVerificationFeedback(verification, request.agentRating(), request.executiveRating(),
                                             request.feedback(), by, version));
    }

    @Component
    static class Rules implements AccessRules {

        static final String[] REQUESTERS = {"owner", "agent", "admin", "super_admin"};
        static final String[] ADMINS = {"admin", "super_admin"};
        static final String[] VISITORS = {"field_executive", "admin", "super_admin"};

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.POST, "/api/properties/*/verifications").hasAnyRole(REQUESTERS)
                 .requestMatchers(HttpMethod.PUT, "/api/verifications/*/assignment").hasAnyRole(ADMINS)
                 .requestMatchers(HttpMethod.PUT, "/api/verifications/*/schedule").hasAnyRole(VISITORS)
                 .requestMatchers(HttpMethod.POST, "/api/verifications/*/start").hasRole("field_executive")
                 .requestMatchers(HttpMethod.POST, "/api/verifications/*/completion", "/api/verifications/*/rejection")
                 .hasAnyRole(VISITORS)
                 .requestMatchers(HttpMethod.PUT, "/api/verifications/*/feedback").hasRole("owner");
        }
    }
}
