package io.alter8.command.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.UserRegistered;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The one read of personal data in the clear: identity numbers, bank account and contacts' phones, for the person
 * themselves and for admins. It is on the command side because only the command side holds the data keys; the
 * query side shows masked values only. It reads the user's own event stream (a few events) and decrypts the
 * current profile; for anyone else the user does not exist (404), as on the query side's {@code /api/users/{id}}.
 */
@RestController
@Tag(name = "Users", description = "Account administration")
class PersonalDataController {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataController.class);

    private final EventStore eventStore;
    private final PersonalDataCipher cipher;

    PersonalDataController(EventStore eventStore, PersonalDataCipher cipher) {
        this.eventStore = eventStore;
        this.cipher = cipher;
    }

    record ContactView(String name, String relation, String phone) {
    }

    record OwnerData(String panNumber, String aadhaarNumber, String gstNumber, String bankAccountNumber,
                     String ifscCode) {
    }

    record TenantData(String aadhaarNumber, String panNumber, String ssnLastFour, ContactView emergencyContact,
                      ContactView previousLandlord, List<ContactView> references) {
    }

    record PersonalDataView(UUID userId, Role role, OwnerData owner, TenantData tenant) {
    }

    @GetMapping("/api/users/{id}/personal-data")
    @Operation(summary = "A user's personal data in the clear",
               description = "The user themselves or an admin; 404 for anyone else, 410 once erased. Never cached.")
    ResponseEntity<PersonalDataView> personalData(@PathVariable UUID id) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAnyRole(Role.ADMIN.wire(), Role.SUPER_ADMIN.wire()) && !me.id().equals(id)) {
            throw notFound(id);
        }
        Profiles profiles = currentProfiles(id);
        if (profiles.role == null) {
            throw notFound(id);
        }
        // Who read whose data, never what: the access log an auditor asks for.
        log.info("personal data of user {} read by user {}", id, me.id());
        PersonalDataView view = new PersonalDataView(
                id, profiles.role,
                profiles.role == Role.OWNER && profiles.owner != null ? owner(profiles.owner) : null,
                profiles.role == Role.TENANT && profiles.tenant != null ? tenant(profiles.tenant) : null);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }

    /** The role and the profiles as the events left them; a role change drops the old role's profile. */
    private Profiles currentProfiles(UUID id) {
        Profiles profiles = new Profiles();
        DomainEventStream events = eventStore.readEvents(id.toString());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            // Java 17: no pattern matching for switch yet.
            if (payload instanceof UserRegistered registered) {
                profiles.role = registered.role();
            } else if (payload instanceof RoleChanged changed) {
                profiles.role = changed.role();
                profiles.owner = null;
                profiles.tenant = null;
            } else if (payload instanceof OwnerProfileUpdated updated) {
                profiles.owner = updated.profile();
            } else if (payload instanceof TenantProfileUpdated updated) {
                profiles.tenant = updated.profile();
            }
        }
        return profiles;
    }

    private OwnerData owner(OwnerProfile profile) {
        return new OwnerData(clear(profile.panNumber()), clear(profile.aadhaarNumber()), clear(profile.gstNumber()),
                             profile.bankAccount() == null ? null : clear(profile.bankAccount().accountNumber()),
                             profile.bankAccount() == null ? null : profile.bankAccount().ifscCode());
    }

    private TenantData tenant(TenantProfile profile) {
        return new TenantData(clear(profile.aadhaarNumber()), clear(profile.panNumber()),
                              clear(profile.ssnLastFour()), contact(profile.emergencyContact()),
                              contact(profile.previousLandlord()),
                              profile.references().stream().map(this::contact).toList());
    }

    private ContactView contact(ContactPerson person) {
        return person == null ? null : new ContactView(clear(person.name()), person.relation(),
                                                       clear(person.phone()));
    }

    private String clear(EncryptedValue value) {
        return value == null ? null : cipher.decrypt(value);
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("user", id);
    }

    private static final class Profiles {
        Role role;
        OwnerProfile owner;
        TenantProfile tenant;
    }
}
