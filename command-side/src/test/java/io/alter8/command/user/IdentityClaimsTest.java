package io.alter8.command.user;

import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.Mask;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.ChangeRole;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.Role;
import io.alter8.api.user.UpdateAgentProfile;
import io.alter8.api.user.UpdateOwnerProfile;
import io.alter8.command.CommandSideTest;
import io.alter8.command.DomainRuleViolation;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Uniqueness of e-mail, phone and identity numbers across users, on the real event store and database. */
@CommandSideTest
class IdentityClaimsTest {

    private static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    IdentityClaims claims;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static EmailAddress newEmail() {
        return new EmailAddress("user-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + "@example.com");
    }

    private static PhoneNumber newPhone() {
        return new PhoneNumber("+919" + (100_000_000L + ThreadLocalRandom.current().nextLong(899_999_999L)));
    }

    private UserId register(EmailAddress email, PhoneNumber phone, Role role) {
        UserId id = UserId.random();
        commands.sendAndWait(Registrations.register(cipher, id, email, phone, "Priya", "Sharma", role));
        return id;
    }

    private long eventsOf(UserId id) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                   Long.class, id.toString());
    }

    private OwnerProfile ownerWithPan(UserId owner, String pan) {
        return new OwnerProfile(null, BusinessType.INDIVIDUAL, cipher.encrypt(owner, pan, Mask.LAST_FOUR), null,
                                null, null, null, null, null);
    }

    @Test
    void aSecondUserCannotRegisterWithAnEmailAddressAlreadyRegistered() {
        EmailAddress email = newEmail();
        register(email, newPhone(), Role.OWNER);
        UserId second = UserId.random();

        assertThatThrownBy(() -> commands.sendAndWait(Registrations.register(
                cipher, second, new EmailAddress(email.value().toUpperCase()), newPhone(), "Arjun", "Rao",
                Role.TENANT)))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                                        e -> assertThat(e.code()).isEqualTo("email-already-registered"))
                .hasMessage("this e-mail address is already registered");
        assertThat(eventsOf(second)).isZero();
    }

    @Test
    void aSecondUserCannotRegisterWithAPhoneAlreadyRegistered() {
        PhoneNumber phone = newPhone();
        register(newEmail(), phone, Role.OWNER);
        assertThatThrownBy(() -> register(newEmail(), phone, Role.TENANT))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("this phone number is already registered");
    }

    @Test
    void aRefusedRegistrationClaimsNothing() {
        PhoneNumber taken = newPhone();
        register(newEmail(), taken, Role.OWNER);
        EmailAddress email = newEmail();

        // The e-mail claim was written before the phone conflict was found; both are rolled back together.
        assertThatThrownBy(() -> register(email, taken, Role.TENANT)).isInstanceOf(DomainRuleViolation.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_identity_claim WHERE claim_value = ?", Long.class,
                                       email.value())).isZero();
        UserId third = register(email, newPhone(), Role.TENANT);
        assertThat(eventsOf(third)).isOne();
    }

    @Test
    void registeringTheSameUserAgainKeepsTheirClaims() {
        EmailAddress email = newEmail();
        PhoneNumber phone = newPhone();
        UserId id = UserId.random();
        RegisterUser registration = Registrations.register(cipher, id, email, phone, "Priya", "Sharma", Role.OWNER);
        commands.sendAndWait(registration);
        commands.sendAndWait(registration);

        assertThat(eventsOf(id)).isOne();
        assertThat(jdbc.queryForList("SELECT kind FROM user_identity_claim WHERE user_id = ? ORDER BY kind",
                                     String.class, id.value())).containsExactly("email", "phone");
    }

    @Test
    void ofTwoRegistrationsRacingForOneEmailAddressOneWins() throws Exception {
        EmailAddress email = newEmail();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<UserId>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return register(email, newPhone(), Role.TENANT);
            }));
        }
        int won = 0;
        int lost = 0;
        for (Future<UserId> attempt : attempts) {
            try {
                attempt.get(30, TimeUnit.SECONDS);
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(DomainRuleViolation.class)
                                        .hasMessage("this e-mail address is already registered");
                lost++;
            }
        }
        assertThat(won).isOne();
        assertThat(lost).isOne();
    }

    @Test
    void aClaimWaitsForAnUncommittedClaimOfTheSameValueAndLosesWhenItCommits() throws Exception {
        String email = newEmail().value();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        Future<?> first = threads.submit(() -> tx.executeWithoutResult(s -> {
            claims.claim(UserId.random(), ClaimKind.EMAIL, email);
            claimed.countDown();
            awaitRelease(commit);
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> tx.executeWithoutResult(
                s -> claims.claim(UserId.random(), ClaimKind.EMAIL, email)));

        awaitBlockedOnTheClaimTable();
        commit.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aClaimWaitingForAnUncommittedClaimWinsWhenThatOneRollsBack() throws Exception {
        String email = newEmail().value();
        UserId winner = UserId.random();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch rollBack = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        Future<?> first = threads.submit(() -> tx.executeWithoutResult(s -> {
            claims.claim(UserId.random(), ClaimKind.EMAIL, email);
            claimed.countDown();
            awaitRelease(rollBack);
            s.setRollbackOnly();
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> tx.executeWithoutResult(s -> claims.claim(winner, ClaimKind.EMAIL,
                                                                                          email)));

        awaitBlockedOnTheClaimTable();
        rollBack.countDown();

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("SELECT user_id FROM user_identity_claim WHERE kind = 'email' AND "
                                               + "claim_value = ?", java.util.UUID.class, email))
                .isEqualTo(winner.value());
    }

    /** The second transaction waits on the first one's row lock: PostgreSQL shows it waiting. */
    private void awaitBlockedOnTheClaimTable() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO user_identity_claim%'""", Long.class) > 0);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPanAnotherOwnerHoldsThoughEachEncryptsItUnderTheirOwnKeyStaysTheirsAndGoesToReview() {
        UserId first = register(newEmail(), newPhone(), Role.OWNER);
        UserId second = register(newEmail(), newPhone(), Role.OWNER);
        String pan = "AAAPL" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + "C";
        commands.sendAndWait(new UpdateOwnerProfile(first, ownerWithPan(first, pan), new Actor(first, Role.OWNER),
                                                    null));

        // Accepted: a refusal would tell the sender that the number is on the platform.
        commands.sendAndWait(new UpdateOwnerProfile(second, ownerWithPan(second, pan), new Actor(second, Role.OWNER),
                                                    null));

        assertThat(eventsOf(second)).isEqualTo(2);
        assertThat(panHolder(pan)).isEqualTo(first.value());
        assertThat(jdbc.queryForList("SELECT holder_id FROM identity_claim_review WHERE kind = 'owner_pan' "
                                             + "AND user_id = ? AND resolved_at IS NULL", java.util.UUID.class,
                                     second.value())).containsExactly(first.value());
    }

    @Test
    void identityNumbersAreClaimedOnlyAsAKeyedHash() {
        UserId owner = register(newEmail(), newPhone(), Role.OWNER);
        String pan = "AAAPL" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + "D";
        commands.sendAndWait(new UpdateOwnerProfile(owner, ownerWithPan(owner, pan), new Actor(owner, Role.OWNER),
                                                    null));

        String stored = jdbc.queryForObject(
                "SELECT claim_value FROM user_identity_claim WHERE user_id = ? AND kind = 'owner_pan'", String.class,
                owner.value());
        assertThat(stored).isEqualTo(cipher.identityIndex("owner_pan", pan)).doesNotContain(pan.substring(5, 9));
    }

    @Test
    void changingAPanFreesTheOldOne() {
        UserId first = register(newEmail(), newPhone(), Role.OWNER);
        UserId second = register(newEmail(), newPhone(), Role.OWNER);
        String oldPan = "AAAPL" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + "E";
        Actor firstSelf = new Actor(first, Role.OWNER);
        commands.sendAndWait(new UpdateOwnerProfile(first, ownerWithPan(first, oldPan), firstSelf, null));
        commands.sendAndWait(new UpdateOwnerProfile(first, ownerWithPan(first, oldPan.replace('E', 'F')), firstSelf,
                                                    null));

        commands.sendAndWait(new UpdateOwnerProfile(second, ownerWithPan(second, oldPan),
                                                    new Actor(second, Role.OWNER), null));
        assertThat(eventsOf(second)).isEqualTo(2);
        assertThat(panHolder(oldPan)).isEqualTo(second.value());
    }

    private java.util.UUID panHolder(String pan) {
        return jdbc.queryForObject("SELECT user_id FROM user_identity_claim WHERE kind = 'owner_pan' "
                                           + "AND claim_value = ?", java.util.UUID.class,
                                   cipher.identityIndex("owner_pan", pan));
    }

    @Test
    void aRoleChangeGivesUpTheNumbersOfTheOldProfile() {
        UserId former = register(newEmail(), newPhone(), Role.OWNER);
        UserId next = register(newEmail(), newPhone(), Role.OWNER);
        String pan = "AAAPL" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + "G";
        commands.sendAndWait(new UpdateOwnerProfile(former, ownerWithPan(former, pan), new Actor(former, Role.OWNER),
                                                    null));
        commands.sendAndWait(new ChangeRole(former, Role.TENANT, ADMIN));

        commands.sendAndWait(new UpdateOwnerProfile(next, ownerWithPan(next, pan), new Actor(next, Role.OWNER), null));
        assertThat(eventsOf(next)).isEqualTo(2);
        assertThat(panHolder(pan)).isEqualTo(next.value());
    }

    @Test
    void twoAgentsCannotShareAReraLicence() {
        UserId first = register(newEmail(), newPhone(), Role.AGENT);
        UserId second = register(newEmail(), newPhone(), Role.AGENT);
        String licence = "A519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        commands.sendAndWait(new UpdateAgentProfile(first, agent(licence), new Actor(first, Role.AGENT), null));

        assertThatThrownBy(() -> commands.sendAndWait(new UpdateAgentProfile(second, agent(licence),
                                                                             new Actor(second, Role.AGENT), null)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("this RERA licence number is already registered");
    }

    private static AgentProfile agent(String licence) {
        return new AgentProfile(licence, null, null, null, null, new BigDecimal("2.00"), CommissionType.PERCENTAGE,
                                null, null, null, null, null);
    }
}
