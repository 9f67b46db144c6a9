package io.alter8.query.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.common.WireEnum;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.AgentProfileUpdated;
import io.alter8.api.user.AgentVerificationStatus;
import io.alter8.api.user.AgentVerificationStatusChanged;
import io.alter8.api.user.EmailVerified;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.ManagementMandateRevoked;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.PhoneVerified;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps the user directory ({@code user_directory}): one row per user, written like the property listing — one
 * statement per event, keyed by user id and guarded by the event's sequence number ({@code version < sequence}), so
 * replays, redeliveries and late arrivals leave the same row. Values are absolute (a profile event carries the whole
 * profile), never increments. Encrypted personal data is stored only as its masked form: this side has no keys.
 */
@Component
@ProcessingGroup(UserDirectoryProjector.PROCESSING_GROUP)
class UserDirectoryProjector {

    static final String PROCESSING_GROUP = "user-directory";

    /** The columns of one role's profile: a role change clears them (the command side drops that profile too). */
    private static final String CLEAR_PROFILES = """
            owner_kyc_status = ?, owner_company_name = NULL, owner_business_type = NULL, owner_pan_masked = NULL,
            owner_aadhaar_masked = NULL, owner_gst_masked = NULL, owner_bank_account_masked = NULL,
            agent_rera_licence = NULL, agent_licence_expiry = NULL, agent_verification_status = ?,
            agent_agency_name = NULL, agent_service_areas = NULL, agent_service_cities = NULL,
            agent_specialisations = NULL, agent_commission_rate = NULL, agent_commission_type = NULL,
            agent_experience_years = NULL, tenant_background_check_status = NULL, tenant_credit_check_status = NULL,
            tenant_aadhaar_masked = NULL, tenant_pan_masked = NULL, tenant_ssn_masked = NULL""";

    private final JdbcTemplate jdbc;

    UserDirectoryProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO user_directory (id, email, phone_masked, first_name, last_name, role, country,
                    preferred_language, status, email_verified, phone_verified, registered_at, owner_kyc_status,
                    agent_verification_status, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                    id(event.userId()), event.email() == null ? null : event.email().value(),
                    masked(event.phone()), event.firstName(), event.lastName(), event.role().wire(),
                    event.country().wire(), event.preferredLanguage(), AccountStatus.ACTIVE.wire(), utc(at),
                    initialKyc(event.role()), initialLicence(event.role()), sequence, utc(at));
    }

    @EventHandler
    void on(EmailVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "email = ?, email_verified = true, email_verified_at = ?",
               event.email().value(), utc(at));
    }

    @EventHandler
    void on(PhoneVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "phone_masked = ?, phone_verified = true, phone_verified_at = ?",
               masked(event.phone()), utc(at));
    }

    @EventHandler
    void on(RoleChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "role = ?, " + CLEAR_PROFILES, event.role().wire(),
               initialKyc(event.role()), initialLicence(event.role()));
        // A mandate is given as an owner: another role ends every one (the account drops them too).
        jdbc.update("UPDATE management_mandate SET active = false, version = ? WHERE owner_id = ? AND version < ?",
                    sequence, event.userId().value(), sequence);
    }

    @EventHandler
    void on(ManagementMandateGranted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mandate(event.ownerId(), event.managerId(), true, sequence, at);
    }

    @EventHandler
    void on(ManagementMandateRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mandate(event.ownerId(), event.managerId(), false, sequence, at);
    }

    /** The row of one owner and manager, written only by an event of the owner newer than the row. */
    private void mandate(UserId owner, UserId manager, boolean active, long sequence, Instant at) {
        jdbc.update("""
                INSERT INTO management_mandate (owner_id, manager_id, active, since, version) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (owner_id, manager_id) DO UPDATE
                SET active = excluded.active, since = excluded.since, version = excluded.version
                WHERE management_mandate.version < excluded.version""",
                    owner.value(), manager.value(), active, utc(at), sequence);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "status = ?", AccountStatus.INACTIVE.wire());
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "status = ?", AccountStatus.ACTIVE.wire());
    }

    @EventHandler
    void on(UserLoggedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "last_login_at = ?", utc(event.loggedInAt()));
    }

    @EventHandler
    void on(PersonalDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "first_name = ?, last_name = ?, preferred_language = ?",
               event.firstName(), event.lastName(), event.preferredLanguage());
    }

    @EventHandler
    void on(OwnerProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OwnerProfile p = event.profile();
        update(event.userId().value(), sequence, at, """
                       owner_company_name = ?, owner_business_type = ?, owner_pan_masked = ?, owner_aadhaar_masked = ?,
                       owner_gst_masked = ?, owner_bank_account_masked = ?""",
               p.companyName(), wire(p.businessType()), masked(p.panNumber()), masked(p.aadhaarNumber()),
               masked(p.gstNumber()), p.bankAccount() == null ? null : masked(p.bankAccount().accountNumber()));
    }

    @EventHandler
    void on(OwnerKycStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "owner_kyc_status = ?", event.status().wire());
    }

    @EventHandler
    void on(AgentProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        AgentProfile p = event.profile();
        update(event.userId().value(), sequence, at, """
                       agent_rera_licence = ?, agent_licence_expiry = ?, agent_agency_name = ?,
                       agent_service_areas = ?, agent_service_cities = ?, agent_specialisations = ?,
                       agent_commission_rate = ?, agent_commission_type = ?, agent_experience_years = ?""",
               p.reraLicence(), p.licenceExpiry(), p.agencyName(), ServiceAreas.toJson(p.serviceAreas()),
               Keys.join(p.serviceAreas().stream().map(ServiceArea::city).toList()),
               Keys.join(p.specialisations()), p.commissionRate(), wire(p.commissionType()), p.experienceYears());
    }

    @EventHandler
    void on(AgentVerificationStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at, "agent_verification_status = ?", event.status().wire());
    }

    @EventHandler
    void on(TenantProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TenantProfile p = event.profile();
        update(event.userId().value(), sequence, at,
               "tenant_aadhaar_masked = ?, tenant_pan_masked = ?, tenant_ssn_masked = ?",
               masked(p.aadhaarNumber()), masked(p.panNumber()), masked(p.ssnLastFour()));
    }

    @EventHandler
    void on(TenantScreeningRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.userId().value(), sequence, at,
               "tenant_background_check_status = ?, tenant_credit_check_status = ?",
               wire(event.backgroundCheckStatus()), wire(event.creditCheckStatus()));
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM user_directory");
        jdbc.update("DELETE FROM management_mandate");
    }

    /** {@code SET <assignments>, version, updated_at} on the user's row, if this event is newer than the row. */
    private void update(UUID id, long sequence, Instant at, String assignments, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.addAll(List.of(sequence, utc(at), id, sequence));
        jdbc.update("UPDATE user_directory SET " + assignments + ", version = ?, updated_at = ? "
                            + "WHERE id = ? AND version < ?", args.toArray());
    }

    private static UUID id(UserId userId) {
        return userId.value();
    }

    private static String initialKyc(Role role) {
        return role == Role.OWNER ? KycStatus.PENDING.wire() : null;
    }

    private static String initialLicence(Role role) {
        return role == Role.AGENT ? AgentVerificationStatus.PENDING.wire() : null;
    }

    private static String masked(PhoneNumber phone) {
        return phone == null ? null : phone.masked();
    }

    /** Only the masked form: the ciphertext is of no use here and is not copied into the read model. */
    private static String masked(EncryptedValue value) {
        return value == null ? null : value.masked();
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }
}
