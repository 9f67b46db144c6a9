package io.alter8.command.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserRegistered;
import io.alter8.command.DomainRuleViolation;
import io.alter8.infra.privacy.PersonalDataCipher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Keeps e-mail addresses, phone numbers and identity numbers unique across users ({@code user_identity_claim}).
 * <p>
 * It follows the user events as they are applied, in a subscribing processor: that runs while the command's unit
 * of work prepares its commit, in the same database transaction as the events. An e-mail, phone or licence another
 * user holds throws, and the command fails with nothing stored; a PAN or Aadhaar number goes to review instead. Two
 * users racing for a value meet on the table's primary key, where the second waits for the first to commit and
 * then loses. Claims follow what the aggregate decided, so a command that changed nothing claims nothing, and a
 * role change gives up the old profile's numbers,
 * and an erasure all of them.
 */
@Component
@ProcessingGroup(IdentityClaims.PROCESSING_GROUP)
class IdentityClaims {

    static final String PROCESSING_GROUP = "user-identity-claims";
    private static final List<ClaimKind> PROFILE_KINDS = List.of(ClaimKind.OWNER_PAN, ClaimKind.OWNER_AADHAAR,
                                                                 ClaimKind.TENANT_AADHAAR,
                                                                 ClaimKind.AGENT_RERA_LICENCE);

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final IdentityReviews reviews;

    IdentityClaims(JdbcTemplate jdbc, PersonalDataCipher cipher, IdentityReviews reviews) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.reviews = reviews;
    }

    @EventHandler
    void on(UserRegistered event) {
        // Claimed as the plain contact (login and sign-up look them up so); the claim goes with the erasure.
        claim(event.userId(), ClaimKind.EMAIL, cipher.decrypt(event.email()));
        claim(event.userId(), ClaimKind.PHONE, cipher.decrypt(event.phone()));
    }

    @EventHandler
    void on(OwnerProfileUpdated event) {
        claimSecret(event.userId(), ClaimKind.OWNER_PAN, event.profile().panNumber());
        claimSecret(event.userId(), ClaimKind.OWNER_AADHAAR, event.profile().aadhaarNumber());
    }

    @EventHandler
    void on(TenantProfileUpdated event) {
        claimSecret(event.userId(), ClaimKind.TENANT_AADHAAR, event.profile().aadhaarNumber());
    }

    @EventHandler
    void on(AgentProfileUpdated event) {
        String licence = event.profile().reraLicence();
        if (licence == null || licence.isBlank()) {
            release(event.userId(), List.of(ClaimKind.AGENT_RERA_LICENCE));
        } else {
            claim(event.userId(), ClaimKind.AGENT_RERA_LICENCE, licence);
        }
    }

    @EventHandler
    void on(RoleChanged event) {
        release(event.userId(), PROFILE_KINDS);
    }

    /** An erased user holds nothing: another person may register with their e-mail, phone or numbers. */
    @EventHandler
    void on(UserErased event) {
        release(event.userId(), List.of(ClaimKind.values()));
    }

    /**
     * An identity number (PAN, Aadhaar) another user holds is not refused: a refusal would confirm to whoever sent
     * it that the number is on the platform. The profile is accepted without the claim, and the pair goes to the
     * admins' review ({@link IdentityReviews}).
     */
    private void claimSecret(UserId user, ClaimKind kind, EncryptedValue value) {
        if (value == null) {
            release(user, List.of(kind));
            return;
        }
        UUID holder = take(user, kind, cipher.identityIndex(kind.key(), cipher.decrypt(value)));
        if (!user.value().equals(holder)) {
            reviews.flag(kind, user.value(), holder);
        }
    }

    /**
     * Gives {@code value} of {@code kind} to {@code user}, freeing the value they held before.
     *
     * @throws DomainRuleViolation if another user holds it; the message does not say who
     */
    void claim(UserId user, ClaimKind kind, String value) {
        if (!user.value().equals(take(user, kind, value))) {
            throw new DomainRuleViolation(kind.conflictCode(), "this " + kind.label() + " is already registered");
        }
    }

    /** Claims {@code value} for {@code user} unless someone holds it; answers who holds it now. */
    private UUID take(UserId user, ClaimKind kind, String value) {
        jdbc.update("DELETE FROM user_identity_claim WHERE user_id = ? AND kind = ? AND claim_value <> ?",
                    user.value(), kind.key(), value);
        jdbc.update("""
                INSERT INTO user_identity_claim (kind, claim_value, user_id) VALUES (?, ?, ?)
                ON CONFLICT (kind, claim_value) DO NOTHING""", kind.key(), value, user.value());
        // After a conflict this reads the committed holder: if another transaction held the row uncommitted, the
        // insert waited for it.
        return jdbc.queryForObject("SELECT user_id FROM user_identity_claim WHERE kind = ? AND claim_value = ?",
                                   UUID.class, kind.key(), value);
    }

    private void release(UserId user, List<ClaimKind> kinds) {
        for (ClaimKind kind : kinds) {
            jdbc.update("DELETE FROM user_identity_claim WHERE user_id = ? AND kind = ?", user.value(), kind.key());
        }
    }
}
