package io.alter8.query.user;

import io.alter8.api.common.EncryptedValue;
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
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserErasureRequested;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.infra.privacy.PersonalDataReader;
import io.alter8.query.jdbc.VersionedRows;
import io.alter8.query.processing.RebuildableReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.alter8.query.jdbc.Sql.utc;

/**
 * Keeps the user directory ({@code user_directory}, one row per user) and the owners' mandates
 * ({@code management_mandate}) through {@link VersionedRows}: one statement per event, keyed and guarded by the
 * user's sequence number, so replays, redeliveries and late arrivals leave the same rows. Values are absolute (a
 * profile event carries the whole profile), never increments. Identity numbers and bank accounts are stored only
 * as their masked form, and so is the phone; names and the e-mail address are read with the user's data key
 * ({@link PersonalDataReader}), and stay empty once it is shredded, so a replay after an erasure writes none.
 */
@Component
@ProcessingGroup(UserDirectoryProjector.PROCESSING_GROUP)
class UserDirectoryProjector implements RebuildableReadModel {

    static final String PROCESSING_GROUP = "user-directory";

    /** The columns of the roles' profiles: a role change clears them (the command side drops that profile too). */
    private static final List<String> PROFILES = List.of(
            "owner_company_name", "owner_business_type", "owner_pan_masked", "owner_aadhaar_masked",
            "owner_gst_masked", "owner_bank_account_masked", "agent_rera_licence", "agent_licence_expiry",
            "agent_agency_name", "agent_service_areas", "agent_service_cities", "agent_specialisations",
            "agent_commission_rate", "agent_commission_type", "agent_experience_years",
            "tenant_background_check_status", "tenant_credit_check_status", "tenant_aadhaar_masked",
            "tenant_pan_masked", "tenant_ssn_masked");

    /** The columns that say who the user is, outside the profiles: an erasure clears them. */
    private static final List<String> PERSONAL = List.of("email", "phone_masked", "first_name", "last_name",
                                                         "last_login_at");

    private final VersionedRows rows;
    private final JdbcTemplate jdbc;
    private final PersonalDataReader personalData;

    UserDirectoryProjector(VersionedRows rows, JdbcTemplate jdbc, PersonalDataReader personalData) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.upsert("user_directory"), event.userId(), at)
                .set("email", personalData.plainUnlessErased(event.email()))
                .set("phone_masked", masked(event.phone()))
                .set("first_name", personalData.plainUnlessErased(event.firstName()))
                .set("last_name", personalData.plainUnlessErased(event.lastName()))
                .set("role", event.role().wire())
                .set("country", event.country().wire())
                .set("preferred_language", event.preferredLanguage())
                .set("status", AccountStatus.ACTIVE.wire())
                .set("email_verified", false)
                .set("phone_verified", false)
                .set("registered_at", utc(at))
                .set("owner_kyc_status", initialKyc(event.role()))
                .set("agent_verification_status", initialLicence(event.role()))
                .apply(sequence);
    }

    @EventHandler
    void on(EmailVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at)
                .set("email", personalData.plainUnlessErased(event.email()))
                .set("email_verified", true)
                .set("email_verified_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(PhoneVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at)
                .set("phone_masked", masked(event.phone()))
                .set("phone_verified", true)
                .set("phone_verified_at", utc(at))
                .apply(sequence);
    }

    @EventHandler
    void on(RoleChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write user = user(rows.update("user_directory"), event.userId(), at)
                .set("role", event.role().wire())
                .set("owner_kyc_status", initialKyc(event.role()))
                .set("agent_verification_status", initialLicence(event.role()));
        PROFILES.forEach(column -> user.set(column, null));
        user.apply(sequence);
        // A mandate is given as an owner: another role ends every one (the account drops them too).
        rows.update("management_mandate").key("owner_id", event.userId().value()).set("active", false)
            .apply(sequence);
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
        rows.upsert("management_mandate").key("owner_id", owner.value()).key("manager_id", manager.value())
            .set("active", active)
            .set("since", utc(at))
            .apply(sequence);
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at).set("status", AccountStatus.INACTIVE.wire())
                                                                 .apply(sequence);
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at).set("status", AccountStatus.ACTIVE.wire())
                                                                 .apply(sequence);
    }

    @EventHandler
    void on(UserErasureRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at).set("erasure_requested_at", utc(at))
                                                                 .apply(sequence);
    }

    /**
     * The row stays, since leases and history name the id, but shows the user as erased: every personal value is
     * cleared, the profile of their role with it. A replay after the erasure cannot bring them back: the earlier
     * events' values are cleared again by this one, and the encrypted values were only ever copied masked.
     */
    @EventHandler
    void on(UserErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        VersionedRows.Write user = user(rows.update("user_directory"), event.userId(), at)
                .set("status", AccountStatus.ERASED.wire());
        PERSONAL.forEach(column -> user.set(column, null));
        PROFILES.forEach(column -> user.set(column, null));
        user.apply(sequence);
        rows.update("management_mandate").key("owner_id", event.userId().value()).set("active", false)
            .apply(sequence);
    }

    @EventHandler
    void on(UserLoggedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at).set("last_login_at", utc(event.loggedInAt()))
                                                                 .apply(sequence);
    }

    @EventHandler
    void on(PersonalDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at)
                .set("first_name", personalData.plainUnlessErased(event.firstName()))
                .set("last_name", personalData.plainUnlessErased(event.lastName()))
                .set("preferred_language", event.preferredLanguage())
                .apply(sequence);
    }

    @EventHandler
    void on(OwnerProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OwnerProfile p = event.profile();
        user(rows.update("user_directory"), event.userId(), at)
                .set("owner_company_name", p.companyName())
                .set("owner_business_type", wire(p.businessType()))
                .set("owner_pan_masked", masked(p.panNumber()))
                .set("owner_aadhaar_masked", masked(p.aadhaarNumber()))
                .set("owner_gst_masked", masked(p.gstNumber()))
                .set("owner_bank_account_masked",
                     p.bankAccount() == null ? null : masked(p.bankAccount().accountNumber()))
                .apply(sequence);
    }

    @EventHandler
    void on(OwnerKycStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at).set("owner_kyc_status", event.status().wire())
                                                                 .apply(sequence);
    }

    @EventHandler
    void on(AgentProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        AgentProfile p = event.profile();
        user(rows.update("user_directory"), event.userId(), at)
                .set("agent_rera_licence", p.reraLicence())
                .set("agent_licence_expiry", p.licenceExpiry())
                .set("agent_agency_name", p.agencyName())
                .set("agent_service_areas", ServiceAreas.toJson(p.serviceAreas()))
                .set("agent_service_cities", Keys.join(p.serviceAreas().stream().map(ServiceArea::city).toList()))
                .set("agent_specialisations", Keys.join(p.specialisations()))
                .set("agent_commission_rate", p.commissionRate())
                .set("agent_commission_type", wire(p.commissionType()))
                .set("agent_experience_years", p.experienceYears())
                .apply(sequence);
    }

    @EventHandler
    void on(AgentVerificationStatusChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at)
                .set("agent_verification_status", event.status().wire())
                .apply(sequence);
    }

    @EventHandler
    void on(TenantProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TenantProfile p = event.profile();
        user(rows.update("user_directory"), event.userId(), at)
                .set("tenant_aadhaar_masked", masked(p.aadhaarNumber()))
                .set("tenant_pan_masked", masked(p.panNumber()))
                .set("tenant_ssn_masked", masked(p.ssnLastFour()))
                .apply(sequence);
    }

    @EventHandler
    void on(TenantScreeningRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        user(rows.update("user_directory"), event.userId(), at)
                .set("tenant_background_check_status", wire(event.backgroundCheckStatus()))
                .set("tenant_credit_check_status", wire(event.creditCheckStatus()))
                .apply(sequence);
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM user_directory");
        jdbc.update("DELETE FROM management_mandate");
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("user_directory", "management_mandate");
    }

    /** The user's row and the time of the change, which every write carries. */
    private static VersionedRows.Write user(VersionedRows.Write write, UserId user, Instant at) {
        return write.key("id", user.value()).set("updated_at", utc(at));
    }

    private static String initialKyc(Role role) {
        return role == Role.OWNER ? KycStatus.PENDING.wire() : null;
    }

    private static String initialLicence(Role role) {
        return role == Role.AGENT ? AgentVerificationStatus.PENDING.wire() : null;
    }

    /** Only the masked form: the ciphertext is of no use here and is not copied into the read model. */
    private static String masked(EncryptedValue value) {
        return value == null ? null : value.masked();
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wire();
    }
}
