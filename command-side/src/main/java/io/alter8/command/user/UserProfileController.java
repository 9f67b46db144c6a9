package io.alter8.command.user;

import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.api.user.ChangePersonalDetails;
import io.alter8.api.user.UpdateAgentProfile;
import io.alter8.api.user.UpdateOwnerProfile;
import io.alter8.api.user.UpdateTenantProfile;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * What users say about themselves: personal details and the profile of their role. Any signed-in caller reaches
 * these routes; the account decides that only the user or an admin changes it, and that the profile matches the
 * role. {@code If-Match} refuses a change to an account that moved on since the client read it (412).
 */
@RestController
@Tag(name = "Users", description = "Account administration")
class UserProfileController {

    private final CommandSender commands;
    private final PersonalDataCipher cipher;
    private final EventStore eventStore;

    UserProfileController(CommandSender commands, PersonalDataCipher cipher, EventStore eventStore) {
        this.commands = commands;
        this.cipher = cipher;
        this.eventStore = eventStore;
    }

    record PersonalDetailsRequest(@NotBlank @Size(max = 100) String firstName,
                                  @NotBlank @Size(max = 100) String lastName,
                                  @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code")
                                  String preferredLanguage,
                                  @Size(max = 2048) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
                                  String profilePictureUrl) {
    }

    @PutMapping("/api/users/{id}/personal-details")
    @Operation(summary = "Change a user's name, language and picture", description = "The user or an admin.")
    ResponseEntity<CommandAccepted> changePersonalDetails(@PathVariable UUID id,
                                                          @Valid @RequestBody PersonalDetailsRequest request,
                                                          @RequestHeader(value = HttpHeaders.IF_MATCH,
                                                                         required = false) String ifMatch) {
        return commands.change(new UserId(id), ifMatch, (user, by, version) -> {
            PersonalInput.Sealer sealer = sealerFor(user);
            return new ChangePersonalDetails(user, sealer.seal(request.firstName().strip(), Mask.NAME),
                                             sealer.seal(request.lastName().strip(), Mask.NAME),
                                             request.preferredLanguage(),
                                             PersonalInput.text(request.profilePictureUrl()), by, version);
        });
    }

    @PutMapping("/api/users/{id}/owner-profile")
    @Operation(summary = "Set an owner's profile",
               description = "The user or an admin. PAN, Aadhaar, GSTIN and the bank account are encrypted for the "
                       + "user before they are stored; changing them sends the KYC back to review.")
    ResponseEntity<CommandAccepted> updateOwnerProfile(@PathVariable UUID id,
                                                       @Valid @RequestBody OwnerProfileRequest request,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                       String ifMatch) {
        return commands.change(new UserId(id), ifMatch, (user, by, version) -> new UpdateOwnerProfile(
                user, request.toProfile(sealerFor(user)), by, version));
    }

    @PutMapping("/api/users/{id}/agent-profile")
    @Operation(summary = "Set an agent's profile",
               description = "The user or an admin. Changing the licence sends it back to review.")
    ResponseEntity<CommandAccepted> updateAgentProfile(@PathVariable UUID id,
                                                       @Valid @RequestBody AgentProfileRequest request,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                       String ifMatch) {
        return commands.change(new UserId(id), ifMatch, (user, by, version) -> new UpdateAgentProfile(
                user, request.toProfile(), by, version));
    }

    @PutMapping("/api/users/{id}/tenant-profile")
    @Operation(summary = "Set a tenant's profile",
               description = "The user or an admin. Identity numbers and contacts' phones are encrypted for the "
                       + "user before they are stored.")
    ResponseEntity<CommandAccepted> updateTenantProfile(@PathVariable UUID id,
                                                        @Valid @RequestBody TenantProfileRequest request,
                                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                        String ifMatch) {
        return commands.change(new UserId(id), ifMatch, (user, by, version) -> new UpdateTenantProfile(
                user, request.toProfile(sealerFor(user)), by, version));
    }

    /**
     * The user's encryption, for an account that exists: encryption makes the user's data key on first use, and an
     * unknown id must not get one (the account would answer 404 only after the key was stored).
     */
    private PersonalInput.Sealer sealerFor(UserId user) {
        if (eventStore.lastSequenceNumberFor(user.toString()).isEmpty()) {
            throw ApiException.notFound("user", user.value());
        }
        return (plaintext, mask) -> plaintext == null ? null : cipher.encrypt(user, plaintext, mask);
    }
}
