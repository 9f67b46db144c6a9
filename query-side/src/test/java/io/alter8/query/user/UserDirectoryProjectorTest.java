package io.alter8.query.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.CheckStatus;
import io.alter8.api.user.FindUserById;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.ManagementMandateRevoked;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserView;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.user.UserTestEvents.ownerProfile;
import static io.alter8.query.user.UserTestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The projector's handlers on the real read database: the same events twice leave the same row. */
@QuerySideTest
class UserDirectoryProjectorTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Autowired
    UserDirectoryProjector projector;
    @Autowired
    UserDirectoryQueries users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    private void applyOwnerHistory(UUID id) {
        UserId user = new UserId(id);
        tx.executeWithoutResult(s -> {
            projector.on(registered(id, "Asha", "Rao", Role.OWNER), 0, T0);
            projector.on(UserTestEvents.emailVerified(id, "asha." + id + "@example.com"), 1, at(1));
            projector.on(UserTestEvents.phoneVerified(id, "+919876543210"), 2, at(2));
            projector.on(ownerProfile(id), 3, at(3));
            projector.on(new OwnerKycStatusChanged(user, KycStatus.PENDING, KycStatus.VERIFIED, null,
                                                   UserId.random()), 4, at(4));
            projector.on(new UserLoggedIn(user, at(5)), 5, at(5));
            projector.on(UserTestEvents.detailsChanged(id, "Asha", "Rao-Menon", "hi"), 6, at(6));
        });
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private UserView row(UUID id) {
        return tx.execute(s -> users.handle(new FindUserById(new UserId(id))).orElseThrow());
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameState() {
        UUID id = UUID.randomUUID();
        applyOwnerHistory(id);
        UserView once = row(id);

        applyOwnerHistory(id);

        assertThat(row(id)).isEqualTo(once);
        assertThat(once.version()).isEqualTo(6);
        assertThat(once.lastName()).isEqualTo("Rao-Menon");
        assertThat(once.preferredLanguage()).isEqualTo("hi");
        assertThat(once.phoneMasked()).isEqualTo("+9XXXXX210");
        assertThat(once.emailVerified()).isTrue();
        assertThat(once.emailVerifiedAt()).isEqualTo(at(1));
        assertThat(once.phoneVerifiedAt()).isEqualTo(at(2));
        assertThat(once.registeredAt()).isEqualTo(T0);
        assertThat(once.lastLoginAt()).isEqualTo(at(5));
        assertThat(once.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(once.owner().kycStatus()).isEqualTo(KycStatus.VERIFIED);
        assertThat(once.owner().panMasked()).isEqualTo("XXXXXX234F");
        assertThat(once.owner().bankAccountMasked()).isEqualTo("XXXXXXXX4321");
        assertThat(once.agent()).isNull();
        assertThat(once.tenant()).isNull();
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        UUID id = UUID.randomUUID();
        applyOwnerHistory(id);
        tx.executeWithoutResult(s -> projector.on(new UserDeactivated(new UserId(id), "moved", UserId.random()), 7,
                                                  at(7)));

        tx.executeWithoutResult(s -> {
            projector.on(new OwnerKycStatusChanged(new UserId(id), KycStatus.PENDING, KycStatus.IN_REVIEW, null,
                                                   null), 4, at(4));
            projector.on(UserTestEvents.detailsChanged(id, "A", "R", "en"), 6, at(6));
        });

        UserView row = row(id);
        assertThat(row.owner().kycStatus()).isEqualTo(KycStatus.VERIFIED);
        assertThat(row.lastName()).isEqualTo("Rao-Menon");
        assertThat(row.status()).isEqualTo(AccountStatus.INACTIVE);
        assertThat(row.version()).isEqualTo(7);
    }

    @Test
    void aRoleChangeDropsThePreviousRolesProfile() {
        UUID id = UUID.randomUUID();
        applyOwnerHistory(id);

        tx.executeWithoutResult(s -> projector.on(new RoleChanged(new UserId(id), Role.OWNER, Role.AGENT,
                                                                  UserId.random()), 7, at(7)));

        UserView row = row(id);
        assertThat(row.role()).isEqualTo(Role.AGENT);
        assertThat(row.owner()).isNull();
        assertThat(row.agent().verificationStatus()).isEqualTo(AgentVerificationStatus.PENDING);
        assertThat(row.agent().reraLicence()).isNull();
        assertThat(jdbc.queryForObject("SELECT owner_pan_masked IS NULL AND owner_kyc_status IS NULL "
                                               + "FROM user_directory WHERE id = ?", Boolean.class, id)).isTrue();
    }

    @Test
    void agentAndTenantProfilesKeepOnlyMaskedIdentityNumbers() {
        UUID agent = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            projector.on(registered(agent, "Ravi", "Kumar", Role.AGENT), 0, T0);
            projector.on(UserTestEvents.agentProfile(agent, "Bengaluru", 7, "Residential", "commercial"), 1, at(1));
            projector.on(UserTestEvents.licenceReviewed(agent, AgentVerificationStatus.PENDING,
                                                        AgentVerificationStatus.VERIFIED), 2, at(2));
            projector.on(registered(tenant, "Meera", "Iyer", Role.TENANT), 0, T0);
            projector.on(UserTestEvents.tenantProfile(tenant), 1, at(1));
            projector.on(UserTestEvents.screening(tenant, CheckStatus.PASSED, CheckStatus.IN_PROGRESS), 2, at(2));
        });

        UserView.Agent a = row(agent).agent();
        assertThat(a.verificationStatus()).isEqualTo(AgentVerificationStatus.VERIFIED);
        assertThat(a.specialisations()).containsExactly("residential", "commercial");
        assertThat(a.serviceAreas()).extracting("city").containsExactly("Bengaluru", "Mysuru");
        assertThat(a.experienceYears()).isEqualTo(7);
        UserView.Tenant t = row(tenant).tenant();
        assertThat(t.backgroundCheckStatus()).isEqualTo(CheckStatus.PASSED);
        assertThat(t.creditCheckStatus()).isEqualTo(CheckStatus.IN_PROGRESS);
        assertThat(t.aadhaarMasked()).isEqualTo("XXXXXXXX9012");
        assertThat(t.panMasked()).isEqualTo("XXXXXX234F");

        String stored = jdbc.queryForObject("SELECT string_agg(row_to_json(u)::text, ' ') FROM user_directory u "
                                                    + "WHERE id IN (?, ?)", String.class, agent, tenant);
        assertThat(stored).doesNotContain(UserTestEvents.CIPHERTEXT).doesNotContain("+919876543210")
                          .contains("XXXXXX234F");
    }

    private List<String> mandates(UUID owner) {
        return jdbc.queryForList("SELECT manager_id || ':' || active || ':' || version FROM management_mandate "
                                         + "WHERE owner_id = ? ORDER BY manager_id", String.class, owner);
    }

    @Test
    void mandatesFollowTheOwnersEventsAndSurviveRedelivery() {
        UUID owner = UUID.randomUUID();
        UserId id = new UserId(owner);
        UserId kept = new UserId(new UUID(0, 1));
        UserId revoked = new UserId(new UUID(0, 2));
        Runnable history = () -> tx.executeWithoutResult(s -> {
            projector.on(registered(owner, "Asha", "Rao", Role.OWNER), 0, T0);
            projector.on(new ManagementMandateGranted(id, kept, id), 1, at(1));
            projector.on(new ManagementMandateGranted(id, revoked, id), 2, at(2));
            projector.on(new ManagementMandateRevoked(id, revoked, id), 3, at(3));
        });
        history.run();
        List<String> once = mandates(owner);

        history.run();

        assertThat(mandates(owner)).isEqualTo(once)
                                   .containsExactly(kept.value() + ":true:1", revoked.value() + ":false:3");
        tx.executeWithoutResult(s -> projector.on(new RoleChanged(id, Role.OWNER, Role.TENANT, UserId.random()), 4,
                                                  at(4)));
        tx.executeWithoutResult(s -> projector.on(new ManagementMandateGranted(id, kept, id), 1, at(1)));
        assertThat(mandates(owner)).as("a late grant does not undo the role change")
                                   .containsExactly(kept.value() + ":false:4", revoked.value() + ":false:4");
    }
}
