package io.alter8.command.notification;

import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.api.user.PersonalDetailsChanged;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserRegistered;
import io.alter8.api.verification.VerificationAssigned;
import io.alter8.api.verification.VerificationOpened;
import io.alter8.infra.privacy.PersonalDataReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the rules know of leases, verifications and recipients beyond the one event in hand: the parties of a lease,
 * who a verification concerns, the language and first name of a user. Kept from the events by
 * {@link NotificationRules} with absolute writes (upserts), so an event seen twice changes nothing.
 */
@Component
class Subjects implements RuleMemory {

    /** A lease's parties and end. */
    record LeaseSubject(UUID leaseId, UUID propertyId, UserId owner, UserId agent, UserId manager,
                        List<UserId> tenants, LocalDate endDate) {

        /** Owner and tenants: those who sign. */
        List<UserId> signatories() {
            List<UserId> all = new ArrayList<>(tenants);
            all.add(0, owner);
            return all;
        }
    }

    record VerificationSubject(UUID verificationId, UUID propertyId, UserId owner, UserId fieldExecutive) {
    }

    record Recipient(String firstName, String language) {
    }

    private static final String LEASE_COLUMNS =
            "lease_id, property_id, owner_id, agent_id, manager_id, tenant_ids, end_date";
    private static final RowMapper<LeaseSubject> LEASE = (rs, i) -> new LeaseSubject(
            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), user(rs.getObject(3, UUID.class)),
            user(rs.getObject(4, UUID.class)), user(rs.getObject(5, UUID.class)), users(rs.getArray(6)),
            rs.getDate(7).toLocalDate());

    private final JdbcTemplate jdbc;
    private final PersonalDataReader personalData;

    Subjects(JdbcTemplate jdbc, PersonalDataReader personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** Each event type here needs its handler in {@link NotificationRules}, which passes over the others. */
    @Override
    public void record(Object event, String eventId) {
        if (event instanceof LeaseProposed e) {
            jdbc.update("""
                    INSERT INTO notification_lease (lease_id, property_id, owner_id, agent_id, manager_id, tenant_ids,
                                                    end_date, grace_days)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lease_id) DO NOTHING""",
                    uuid(e.leaseId().toString()), uuid(e.propertyId().toString()), id(e.ownerId()), id(e.agentId()),
                    id(e.managerId()), e.tenants().stream().map(Subjects::id).toArray(UUID[]::new),
                    Date.valueOf(e.terms().endDate()), graceDays(e.terms()));
        } else if (event instanceof LeaseTermsRevised e) {
            jdbc.update("UPDATE notification_lease SET end_date = ?, grace_days = ? WHERE lease_id = ?",
                        Date.valueOf(e.terms().endDate()), graceDays(e.terms()), uuid(e.leaseId().toString()));
        } else if (event instanceof LeaseActivated e) {
            jdbc.update("UPDATE notification_lease SET active = TRUE WHERE lease_id = ?", uuid(e.leaseId().toString()));
        } else if (event instanceof LeaseTerminated e) {
            jdbc.update("UPDATE notification_lease SET active = FALSE WHERE lease_id = ?",
                        uuid(e.leaseId().toString()));
        } else if (event instanceof VerificationOpened e) {
            jdbc.update("""
                    INSERT INTO notification_verification (verification_id, property_id, owner_id)
                    VALUES (?, ?, ?) ON CONFLICT (verification_id) DO NOTHING""",
                    uuid(e.verificationId().toString()), uuid(e.propertyId().toString()), id(e.ownerId()));
        } else if (event instanceof VerificationAssigned e) {
            jdbc.update("UPDATE notification_verification SET field_executive_id = ? WHERE verification_id = ?",
                        id(e.fieldExecutiveId()), uuid(e.verificationId().toString()));
        } else if (event instanceof UserRegistered e) {
            recipient(e.userId(), personalData.plainUnlessErased(e.firstName()), e.preferredLanguage());
        } else if (event instanceof PersonalDetailsChanged e) {
            recipient(e.userId(), personalData.plainUnlessErased(e.firstName()), e.preferredLanguage());
        } else if (event instanceof UserErased e) {
            // Nobody is greeted by name once erased: the copy of the name goes with the key.
            jdbc.update("DELETE FROM notification_recipient WHERE user_id = ?", id(e.userId()));
        }
    }

    Optional<LeaseSubject> lease(Object leaseId) {
        return jdbc.query("SELECT " + LEASE_COLUMNS + " FROM notification_lease WHERE lease_id = ?",
                LEASE,
                uuid(leaseId.toString())).stream().findFirst();
    }

    /** Active leases ending between {@code from} and {@code to}, both included. */
    List<LeaseSubject> activeLeasesEnding(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + LEASE_COLUMNS
                          + " FROM notification_lease WHERE active AND end_date BETWEEN ? AND ?",
                LEASE,
                Date.valueOf(from), Date.valueOf(to));
    }

    Optional<VerificationSubject> verification(Object verificationId) {
        return jdbc.query("""
                SELECT verification_id, property_id, owner_id, field_executive_id FROM notification_verification
                WHERE verification_id = ?""",
                (rs, i) -> new VerificationSubject(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                                   user(rs.getObject(3, UUID.class)), user(rs.getObject(4, UUID.class))),
                uuid(verificationId.toString())).stream().findFirst();
    }

    Recipient recipient(UserId userId) {
        return jdbc.query("SELECT first_name, language FROM notification_recipient WHERE user_id = ?",
                          (rs, i) -> new Recipient(rs.getString(1), rs.getString(2)), id(userId))
                   .stream().findFirst().orElse(new Recipient(null, "en"));
    }

    private void recipient(UserId userId, String firstName, String language) {
        jdbc.update("""
                INSERT INTO notification_recipient (user_id, first_name, language) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET first_name = EXCLUDED.first_name, language = EXCLUDED.language""",
                    id(userId), firstName, language == null || language.isBlank() ? "en" : language);
    }

    /** A charge is overdue once its due date and these days have passed, as the lease's assessment counts. */
    private static int graceDays(LeaseTerms terms) {
        return terms.lateFee() == null ? 0 : terms.lateFee().graceDays();
    }

    private static UUID id(UserId userId) {
        return userId == null ? null : userId.value();
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    private static UserId user(UUID id) {
        return id == null ? null : new UserId(id);
    }

    private static List<UserId> users(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> new UserId((UUID) o)).toList();
    }
}
