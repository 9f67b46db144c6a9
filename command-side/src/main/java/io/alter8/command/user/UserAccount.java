package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.Actor;
import io.alter8.api.user.ChangePersonalDetails;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.EraseUser;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.ReactivateUser;
import io.alter8.api.user.RecordLogin;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.RequestErasure;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserErasureRequested;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.user.VerifyEmail;
import io.alter8.api.user.VerifyPhone;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.privacy.SamePlaintext;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user of Alter8: who they are, their role, whether their e-mail and phone are verified and whether they may act
 * at all. The profile of each role, with its review, is a member entity: {@link Owner} (with the owner's mandates
 * to property managers, see {@link Mandates}), {@link Agent} and {@link Tenant}; each holds its own rules, and all
 * share this aggregate's one event stream and version. Personal data (names, e-mail, phone, identity numbers)
 * arrives encrypted and is only compared, never read. Who may do what is decided here from the command's
 * {@link Actor}; that e-mail, phone and identity numbers are unique across users is kept by {@link IdentityClaims}
 * in the same transaction.
 */
@Aggregate
class UserAccount {

    private static final String DEFAULT_LANGUAGE = "en";

    @AggregateIdentifier
    private UserId id;
    private UserRegistered registration;
    private EncryptedValue email;
    private EncryptedValue phone;
    private Role role;
    private Country country;
    private EncryptedValue firstName;
    private EncryptedValue lastName;
    private String preferredLanguage;
    private String profilePictureUrl;
    private boolean emailVerified;
    private boolean phoneVerified;
    private AccountStatus status;
    private Instant lastLoginAt;
    private boolean erasureRequested;
    // Members: one stream, one version, one consistency boundary; never null, so commands always reach them.
    @AggregateMember
    private final Owner owner = new Owner(this);
    @AggregateMember
    private final Agent agent = new Agent(this);
    @AggregateMember
    private final Tenant tenant = new Tenant(this);

    UserAccount() {
        // for Axon
    }

    /**
     * Registering the same id again with the same details is a no-op, so a client may safely retry; with other
     * details it is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUser command) {
        Actor by = command.registeredBy();
        UserRegistered registered = new UserRegistered(
                command.userId(), command.email(), command.phone(), command.firstName(), command.lastName(),
                command.role(), command.country(), languageOrDefault(command.preferredLanguage()),
                by == null ? null : by.userId());
        if (registration != null) {
            if (registration.equals(registered)) {
                return;
            }
            throw new DomainRuleViolation("user-already-registered",
                                          "user " + id + " is already registered with other details");
        }
        required(command.email(), "email");
        required(command.phone(), "phone");
        required(command.firstName(), "firstName");
        required(command.lastName(), "lastName");
        required(command.role(), "role");
        required(command.country(), "country");
        if (by == null) {
            if (!command.role().isSelfService()) {
                throw new NotPermitted("only owners, tenants, agents and property managers can sign themselves up");
            }
        } else {
            requireMayGiveRole(by, command.role());
        }
        apply(registered);
    }

    @CommandHandler
    void handle(VerifyEmail command, SamePlaintext values) {
        requireActive();
        if (!values.same(email, command.email())) {
            throw new DomainRuleViolation("not-the-users-email", "this is not the user's e-mail address");
        }
        if (emailVerified) {
            return;
        }
        apply(new EmailVerified(id, email));
    }

    @CommandHandler
    void handle(VerifyPhone command, SamePlaintext values) {
        requireActive();
        if (!values.same(phone, command.phone())) {
            throw new DomainRuleViolation("not-the-users-phone", "this is not the user's phone number");
        }
        if (phoneVerified) {
            return;
        }
        apply(new PhoneVerified(id, phone));
    }

    @CommandHandler
    void handle(ChangeRole command) {
        Actor by = actor(command.requestedBy());
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins change roles");
        }
        if (by.is(id)) {
            throw new NotPermitted("nobody changes their own role");
        }
        required(command.role(), "role");
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
        requireMayGiveRole(by, command.role());
        requireActive();
        if (command.role() == role) {
            return;
        }
        apply(new RoleChanged(id, role, command.role(), by.userId()));
    }

    @CommandHandler
    void handle(DeactivateUser command) {
        Actor by = actor(command.requestedBy());
        if (!by.is(id)) {
            requireAdminOverThisUser(by, "only the user or an admin can deactivate an account");
        }
        requireNotErased();
        if (status == AccountStatus.INACTIVE) {
            return;
        }
        apply(new UserDeactivated(id, blankToNull(command.reason()), by.userId()));
    }

    @CommandHandler
    void handle(ReactivateUser command) {
        Actor by = actor(command.requestedBy());
        if (by.is(id)) {
            throw new NotPermitted("nobody reactivates their own account");
        }
        requireAdminOverThisUser(by, "only admins reactivate accounts");
        requireNotErased();
        if (status == AccountStatus.ACTIVE) {
            return;
        }
        apply(new UserReactivated(id, by.userId()));
    }

    /** A user asks only for themselves, active or deactivated; asking twice is asking once. */
    @CommandHandler
    void handle(RequestErasure command) {
        Actor by = actor(command.requestedBy());
        if (!by.is(id)) {
            throw new NotPermitted("a user asks for the erasure of their own account only");
        }
        requireNotErased();
        if (erasureRequested) {
            return;
        }
        apply(new UserErasureRequested(id));
    }

    /**
     * An admin erases, whether or not the user asked; never their own account, and an admin's only as a super admin.
     * Every retention rule that holds is named in the refusal, so the admin knows what must end first.
     */
    @CommandHandler
    void handle(EraseUser command, RetentionRules retention) {
        Actor by = actor(command.requestedBy());
        if (by.is(id)) {
            throw new NotPermitted("nobody erases their own account: ask for it, and an admin carries it out");
        }
        requireAdminOverThisUser(by, "only admins erase accounts");
        requireText(command.reason(), "reason");
        if (status == AccountStatus.ERASED) {
            return;
        }
        List<RetentionRules.Retention> holding = retention.holding(id);
        if (!holding.isEmpty()) {
            throw new DomainRuleViolation("erasure-retained", "retention rules forbid erasing this account: "
                    + holding.stream().map(r -> r.rule() + " (" + r.why() + ")").collect(Collectors.joining("; ")));
        }
        apply(new UserErased(id, command.reason().strip(), erasureRequested, by.userId()));
    }

    @CommandHandler
    void handle(RecordLogin command) {
        required(command.loggedInAt(), "loggedInAt");
        requireActive();
        if (lastLoginAt != null && !command.loggedInAt().isAfter(lastLoginAt)) {
            return;
        }
        apply(new UserLoggedIn(id, command.loggedInAt()));
    }

    @CommandHandler
    void handle(ChangePersonalDetails command, SamePlaintext values) {
        Actor by = actor(command.requestedBy());
        requireSelfOrAdmin(by);
        requireActive();
        required(command.firstName(), "firstName");
        required(command.lastName(), "lastName");
        String language = languageOrDefault(command.preferredLanguage());
        String picture = blankToNull(command.profilePictureUrl());
        if (values.same(command.firstName(), firstName) && values.same(command.lastName(), lastName)
                && language.equals(preferredLanguage) && Objects.equals(picture, profilePictureUrl)) {
            return;
        }
        apply(new PersonalDetailsChanged(id, command.firstName(), command.lastName(), language, picture,
                                         by.userId()));
    }

    /** Whether {@code manager} may act for this user as their owner now: an active owner who gave them a mandate. */
    boolean mandates(UserId manager) {
        return role == Role.OWNER && status == AccountStatus.ACTIVE && owner.hasMandated(manager);
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = event.userId();
        registration = event;
        email = event.email();
        phone = event.phone();
        role = event.role();
        country = event.country();
        firstName = event.firstName();
        lastName = event.lastName();
        preferredLanguage = event.preferredLanguage();
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(PhoneVerified event) {
        phoneVerified = true;
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        status = AccountStatus.INACTIVE;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UserErasureRequested event) {
        erasureRequested = true;
    }

    @EventSourcingHandler
    void on(UserErased event) {
        status = AccountStatus.ERASED;
    }

    @EventSourcingHandler
    void on(UserLoggedIn event) {
        lastLoginAt = event.loggedInAt();
    }

    @EventSourcingHandler
    void on(PersonalDetailsChanged event) {
        firstName = event.firstName();
        lastName = event.lastName();
        preferredLanguage = event.preferredLanguage();
        profilePictureUrl = event.profilePictureUrl();
    }

    // --------------------------------------------------------------------------- what the members ask of the root

    UserId id() {
        return id;
    }

    Country country() {
        return country;
    }

    void requireActive() {
        requireNotErased();
        if (status != AccountStatus.ACTIVE) {
            throw new DomainRuleViolation("user-deactivated", "this account is deactivated");
        }
    }

    private void requireNotErased() {
        if (status == AccountStatus.ERASED) {
            throw new DomainRuleViolation("user-erased", "this account has been erased");
        }
    }

    void requireRole(Role expected, String what) {
        if (role != expected) {
            throw new DomainRuleViolation("profile-does-not-match-role",
                                          "only a user with role " + expected.wire() + " has " + what);
        }
    }

    void requireSelfOrAdmin(Actor by) {
        if (!by.is(id)) {
            requireAdminOverThisUser(by, "only the user or an admin can change this account");
        }
    }

    /** Admins act on other users' accounts; on an admin's account, only a super admin does. */
    private void requireAdminOverThisUser(Actor by, String refusal) {
        if (!by.role().isAdmin()) {
            throw new NotPermitted(refusal);
        }
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
    }

    private static void requireMayGiveRole(Actor by, Role role) {
        if (!by.role().isAdmin()) {
            throw new NotPermitted("only admins give the role " + role.wire());
        }
        if (role.isAdmin()) {
            requireSuperAdminForAdmins(by);
        }
    }

    private static void requireSuperAdminForAdmins(Actor by) {
        if (by.role() != Role.SUPER_ADMIN) {
            throw new NotPermitted("only a super admin acts on the admin and super admin roles");
        }
    }

    /**
     * Reviews decide on full identity numbers, licences and screening reports, which only admins may read; no
     * assignment ties a user's review to a field executive, as one does a property's verification.
     */
    static void requireReviewer(Actor by, String refusal) {
        if (!by.role().isAdmin()) {
            throw new NotPermitted(refusal);
        }
    }

    /** How every change a role's member makes to this account starts; answers who acts. */
    Actor requireEditorOfRole(Actor sender, Role expected, String what) {
        Actor by = actor(sender);
        requireSelfOrAdmin(by);
        requireActive();
        requireRole(expected, what);
        return by;
    }

    /** How every review of a role's profile starts: an admin, of an active account; answers who reviews. */
    Actor requireReviewerOfActive(Actor sender, String refusal) {
        Actor by = actor(sender);
        requireReviewer(by, refusal);
        requireActive();
        return by;
    }

    private static String languageOrDefault(String language) {
        return isBlank(language) ? DEFAULT_LANGUAGE : language;
    }

    static void requireText(String value, String field) {
        if (isBlank(value)) {
            throw new DomainRuleViolation("missing-" + field, field + " is required");
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
