package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.Money;
import io.alter8.api.user.Actor;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.RecordTenantScreening;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.TenantProfile;
import io.alter8.api.user.TenantProfileUpdated;
import io.alter8.api.user.TenantScreeningRecorded;
import io.alter8.api.user.UpdateTenantProfile;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Objects;

import static io.alter8.command.CommandArguments.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant side of a {@link UserAccount}: the tenant profile (Indian identity numbers only in India; in the US the
 * last four digits of the SSN and the date of birth; an adult; incomes and a budget that make sense) and the
 * screening admins record. Another role ends all of it.
 */
class Tenant {

    private static final int MIN_CREDIT_SCORE = 300;
    private static final int MAX_CREDIT_SCORE = 900;

    /** Who may act, whether the account is active and its role and country: the root decides those. */
    private final UserAccount account;
    private TenantProfile profile;
    private TenantScreeningRecorded screening;

    Tenant(UserAccount account) {
        this.account = account;
    }

    @CommandHandler
    void handle(UpdateTenantProfile command) {
        Actor by = account.requireEditorOfRole(command.requestedBy(), Role.TENANT, "a tenant profile");
        TenantProfile wanted = required(command.profile(), "profile");
        if (account.country() == Country.US) {
            if (wanted.aadhaarNumber() != null || wanted.panNumber() != null) {
                throw new DomainRuleViolation("indian-id-outside-india", "Aadhaar and PAN are for users in India");
            }
            // A US tenant record requires both.
            required(wanted.ssnLastFour(), "ssnLastFour");
            required(wanted.dateOfBirth(), "dateOfBirth");
        } else if (wanted.ssnLastFour() != null) {
            throw new DomainRuleViolation("us-id-outside-us", "the SSN is for users in the US");
        }
        requireNotNegative(wanted.monthlyIncome(), "monthlyIncome");
        requireNotNegative(wanted.annualIncome(), "annualIncome");
        requireBudget(wanted.budgetMin(), wanted.budgetMax());
        requireNamed(wanted.emergencyContact(), "emergencyContact");
        requireNamed(wanted.previousLandlord(), "previousLandlord");
        wanted.references().forEach(reference -> requireNamed(reference, "references"));
        if (wanted.equals(profile)) {
            return;
        }
        apply(new TenantProfileUpdated(account.id(), wanted, by.userId()));
    }

    @CommandHandler
    void handle(RecordTenantScreening command) {
        Actor by = account.requireReviewerOfActive(command.reviewer(), "only admins record tenant screening");
        required(command.backgroundCheckStatus(), "backgroundCheckStatus");
        required(command.creditCheckStatus(), "creditCheckStatus");
        if (profile == null) {
            throw new DomainRuleViolation("no-tenant-profile", "the user has no tenant profile to screen");
        }
        Integer score = command.creditScore();
        if (score != null && (score < MIN_CREDIT_SCORE || score > MAX_CREDIT_SCORE)) {
            throw new DomainRuleViolation("invalid-creditScore", "a credit score is between " + MIN_CREDIT_SCORE
                    + " and " + MAX_CREDIT_SCORE);
        }
        TenantScreeningRecorded recorded = new TenantScreeningRecorded(
                account.id(), command.backgroundCheckStatus(), command.backgroundCheckReportId(),
                command.creditCheckStatus(), score, by.userId());
        if (screening != null && sameScreening(recorded, screening)) {
            return;
        }
        apply(recorded);
    }

    private static void requireNotNegative(Money money, String field) {
        if (money != null && money.amount().signum() < 0) {
            throw new DomainRuleViolation("invalid-" + field, field + " cannot be negative");
        }
    }

    private static void requireBudget(Money min, Money max) {
        requireNotNegative(min, "budgetMin");
        requireNotNegative(max, "budgetMax");
        if (min == null || max == null) {
            return;
        }
        if (!min.currency().equals(max.currency())) {
            throw new DomainRuleViolation("currency-mismatch", "budgetMin and budgetMax must be in one currency");
        }
        if (min.amount().compareTo(max.amount()) > 0) {
            throw new DomainRuleViolation("invalid-budget", "budgetMin cannot be more than budgetMax");
        }
    }

    private static void requireNamed(ContactPerson contact, String field) {
        if (contact != null) {
            required(contact.name(), field + ".name");
        }
    }

    /** The same outcome, whoever recorded it. */
    private static boolean sameScreening(TenantScreeningRecorded a, TenantScreeningRecorded b) {
        return a.backgroundCheckStatus() == b.backgroundCheckStatus()
                && Objects.equals(a.backgroundCheckReportId(), b.backgroundCheckReportId())
                && a.creditCheckStatus() == b.creditCheckStatus()
                && Objects.equals(a.creditScore(), b.creditScore());
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(RoleChanged event) {
        profile = null;
        screening = null;
    }

    @EventSourcingHandler
    void on(TenantProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(TenantScreeningRecorded event) {
        screening = event;
    }
}
