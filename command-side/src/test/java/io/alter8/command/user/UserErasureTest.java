package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.ChangePersonalDetails;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.DeactivateUser;
import io.alter8.api.user.EraseUser;
import io.alter8.api.user.ReactivateUser;
import io.alter8.api.user.RecordLogin;
import io.alter8.api.user.RequestErasure;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserErasureRequested;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.user.VerifyEmail;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import io.alter8.command.privacy.SamePlaintext;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Who may ask for and carry out an erasure, and what retention rules stop it. */
class UserErasureTest {

    private static final UserId ID = UserId.random();
    private static final Actor SELF = new Actor(ID, Role.TENANT);
    private static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);
    private static final Actor SUPER_ADMIN = new Actor(UserId.random(), Role.SUPER_ADMIN);
    private static final EncryptedValue EMAIL = encrypted("email", "p***@***.com");
    private static final UserRegistered REGISTERED = registered(Role.TENANT);

    private final List<RetentionRules.Retention> holding = new ArrayList<>();
    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> false);
        fixture.registerInjectableResource((SamePlaintext) Objects::equals);
        fixture.registerInjectableResource((RetentionRules) user -> user.equals(ID) ? List.copyOf(holding)
                : List.of());
    }

    private static UserRegistered registered(Role role) {
        return new UserRegistered(ID, EMAIL, encrypted("phone", "+9XXXXX210"), encrypted("first", "P***"),
                                  encrypted("last", "S***"), role, Country.IN, "en", null);
    }

    /** A value as the cipher would encrypt it for the user; equal fingerprints mean equal plaintexts. */
    private static EncryptedValue encrypted(String fingerprint, String masked) {
        return new EncryptedValue("7a4ee2f0-1b6c-4d0e-9a55-3f3f3f3f3f3f", EncryptedValue.AES_256_GCM,
                                  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", fingerprint, masked);
    }

    @Test
    void aUserAsksForTheirOwnErasure() {
        fixture.given(REGISTERED)
               .when(new RequestErasure(ID, SELF))
               .expectEvents(new UserErasureRequested(ID));
    }

    @Test
    void askingTwiceIsAskingOnce() {
        fixture.given(REGISTERED, new UserErasureRequested(ID))
               .when(new RequestErasure(ID, SELF))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void nobodyAsksForAnotherUsersErasureNotEvenAnAdmin() {
        fixture.given(REGISTERED)
               .when(new RequestErasure(ID, ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("a user asks for the erasure of their own account only");
    }

    @Test
    void aDeactivatedUserMayStillAskToBeErased() {
        fixture.given(REGISTERED, new UserDeactivated(ID, null, ID))
               .when(new RequestErasure(ID, SELF))
               .expectEvents(new UserErasureRequested(ID));
    }

    @Test
    void anAdminErasesARequestingUserAndTheEventSaysWhoWhyAndThatTheyAsked() {
        fixture.given(REGISTERED, new UserErasureRequested(ID))
               .when(new EraseUser(ID, " user request under DPDP s.12 ", ADMIN))
               .expectEvents(new UserErased(ID, "user request under DPDP s.12", true, ADMIN.userId()));
    }

    @Test
    void anAdminErasesDirectly() {
        fixture.given(REGISTERED)
               .when(new EraseUser(ID, "court order", ADMIN))
               .expectEvents(new UserErased(ID, "court order", false, ADMIN.userId()));
    }

    @Test
    void theUserCannotCarryOutTheirOwnErasure() {
        fixture.given(REGISTERED, new UserErasureRequested(ID))
               .when(new EraseUser(ID, "please", new Actor(ID, Role.SUPER_ADMIN)))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("nobody erases their own account: ask for it, and an admin carries it out");
    }

    @Test
    void onlyAdminsErase() {
        fixture.given(REGISTERED)
               .when(new EraseUser(ID, "why not", new Actor(UserId.random(), Role.AUDITOR)))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("only admins erase accounts");
    }

    @Test
    void onlyASuperAdminErasesAnAdmin() {
        fixture.given(registered(Role.ADMIN))
               .when(new EraseUser(ID, "left the company", ADMIN))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(registered(Role.ADMIN))
               .when(new EraseUser(ID, "left the company", SUPER_ADMIN))
               .expectEvents(new UserErased(ID, "left the company", false, SUPER_ADMIN.userId()));
    }

    @Test
    void anErasureSaysWhy() {
        fixture.given(REGISTERED)
               .when(new EraseUser(ID, "  ", ADMIN))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("reason is required");
    }

    @Test
    void everyRetentionRuleThatHoldsIsNamedInTheRefusal() {
        holding.add(new RetentionRules.Retention("open-lease", "party to leases in force or pending: L1"));
        holding.add(new RetentionRules.Retention("money-owed", "owes 1200.00 INR"));
        fixture.given(REGISTERED, new UserErasureRequested(ID))
               .when(new EraseUser(ID, "user request", ADMIN))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("retention rules forbid erasing this account: open-lease (party to leases "
                                               + "in force or pending: L1); money-owed (owes 1200.00 INR)");
    }

    @Test
    void erasingAnErasedUserChangesNothing() {
        holding.add(new RetentionRules.Retention("open-lease", "a lease proposed to an erased id"));
        fixture.given(REGISTERED, new UserErased(ID, "court order", false, ADMIN.userId()))
               .when(new EraseUser(ID, "again", ADMIN))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    static Stream<Object> everythingAfterErasure() {
        return Stream.of(new RequestErasure(ID, SELF), new ReactivateUser(ID, ADMIN),
                         new DeactivateUser(ID, null, ADMIN), new VerifyEmail(ID, EMAIL),
                         new ChangeRole(ID, Role.AGENT, ADMIN), new RecordLogin(ID, Instant.now()),
                         new ChangePersonalDetails(ID, encrypted("first", "P***"), encrypted("rao", "R***"), "en",
                                                   null, ADMIN, null));
    }

    @ParameterizedTest
    @MethodSource("everythingAfterErasure")
    void anErasedAccountNeverActsNorComesBack(Object command) {
        fixture.given(REGISTERED, new UserErased(ID, "court order", false, ADMIN.userId()))
               .when(command)
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("this account has been erased");
    }
}
