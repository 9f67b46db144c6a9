package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.GrantManagementMandate;
import io.alter8.api.user.KycStatus;
import io.alter8.api.user.ManagementMandateGranted;
import io.alter8.api.user.ManagementMandateRevoked;
import io.alter8.api.user.OwnerKycStatusChanged;
import io.alter8.api.user.OwnerProfile;
import io.alter8.api.user.OwnerProfileUpdated;
import io.alter8.api.user.ReviewOwnerKyc;
import io.alter8.api.user.RevokeManagementMandate;
import io.alter8.api.user.Role;
import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UpdateOwnerProfile;
import io.alter8.api.user.UserRegistered;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.user.UserAccount.blankToNull;
import static io.alter8.command.user.UserAccount.isBlank;
import static io.alter8.command.user.UserAccount.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The owner side of a {@link UserAccount}: the owner profile (Indian identity numbers only in India, a company's
 * name, a usable bank account), its KYC review (changing the identity numbers of a reviewed profile sends it back
 * to pending) and the owner's mandates to property managers. Another role ends all of it.
 */
class Owner {

    private static final Set<KycStatus> KYC_TO_REVIEW_AGAIN = Set.of(KycStatus.IN_REVIEW, KycStatus.VERIFIED,
                                                                     KycStatus.REJECTED);

    /** Who may act, whether the account is active and its role and country: the root decides those. */
    private final UserAccount account;
    private OwnerProfile profile;
    private KycStatus kycStatus;
    /** Property managers an owner lets act for them. */
    private final Set<UserId> mandatedManagers = new HashSet<>();

    Owner(UserAccount account) {
        this.account = account;
    }

    @CommandHandler
    void handle(UpdateOwnerProfile command) {
        Actor by = account.requireEditorOfRole(command.requestedBy(), Role.OWNER, "an owner profile");
        OwnerProfile wanted = required(command.profile(), "profile");
        if (account.country() != Country.IN && (wanted.panNumber() != null || wanted.aadhaarNumber() != null
                || wanted.gstNumber() != null)) {
            throw new DomainRuleViolation("indian-id-outside-india",
                                          "PAN, Aadhaar and GST numbers are for users in India");
        }
        if ((wanted.businessType() == BusinessType.COMPANY || wanted.businessType() == BusinessType.PARTNERSHIP)
                && isBlank(wanted.companyName())) {
            throw new DomainRuleViolation("missing-companyName", "a company or partnership needs its name");
        }
        requireUsableBankAccount(wanted.bankAccount());
        if (wanted.equals(profile)) {
            return;
        }
        OwnerProfile previous = profile;
        apply(new OwnerProfileUpdated(account.id(), wanted, by.userId()));
        if (KYC_TO_REVIEW_AGAIN.contains(kycStatus) && kycNumbersChanged(previous, wanted)) {
            apply(new OwnerKycStatusChanged(account.id(), kycStatus, KycStatus.PENDING, "KYC details changed", null));
        }
    }

    @CommandHandler
    void handle(ReviewOwnerKyc command) {
        Actor by = account.requireReviewerOfActive(command.reviewer(), "only admins review KYC");
        KycStatus next = required(command.status(), "status");
        if (profile == null) {
            throw new DomainRuleViolation("no-owner-profile", "the user has no owner profile to review");
        }
        if (next == KycStatus.VERIFIED && account.country() == Country.IN && profile.panNumber() == null) {
            throw new DomainRuleViolation("kyc-incomplete", "KYC cannot be verified without a PAN");
        }
        if (next == kycStatus) {
            return;
        }
        apply(new OwnerKycStatusChanged(account.id(), kycStatus, next, blankToNull(command.note()), by.userId()));
    }

    /**
     * An owner lets a property manager register properties in their name; only the owner or an admin grants it, so
     * a manager cannot act for an owner who never chose them.
     */
    @CommandHandler
    void handle(GrantManagementMandate command, UserRoles users) {
        Actor by = account.requireEditorOfRole(command.requestedBy(), Role.OWNER, "property managers acting for them");
        UserId manager = required(command.managerId(), "managerId");
        if (mandatedManagers.contains(manager)) {
            return;
        }
        if (!users.isActive(manager, Role.PROPERTY_MANAGER)) {
            throw new DomainRuleViolation("not-a-property-manager", "a mandate goes to an active property manager");
        }
        apply(new ManagementMandateGranted(account.id(), manager, by.userId()));
    }

    @CommandHandler
    void handle(RevokeManagementMandate command) {
        Actor by = actor(command.requestedBy());
        account.requireSelfOrAdmin(by);
        UserId manager = required(command.managerId(), "managerId");
        if (!mandatedManagers.contains(manager)) {
            return;
        }
        apply(new ManagementMandateRevoked(account.id(), manager, by.userId()));
    }

    boolean hasMandated(UserId manager) {
        return mandatedManagers.contains(manager);
    }

    private void requireUsableBankAccount(BankAccount bankAccount) {
        if (bankAccount == null) {
            return;
        }
        required(bankAccount.accountNumber(), "bankAccount.accountNumber");
        required(bankAccount.accountHolderName(), "bankAccount.accountHolderName");
        // An IFSC names an Indian branch: needed for Indian accounts, meaningless elsewhere.
        if (account.country() == Country.IN) {
            requireText(bankAccount.ifscCode(), "bankAccount.ifscCode");
        } else if (bankAccount.ifscCode() != null) {
            throw new DomainRuleViolation("indian-id-outside-india", "an IFSC is for bank accounts in India");
        }
    }

    private static boolean kycNumbersChanged(OwnerProfile before, OwnerProfile after) {
        return before == null
                || !Objects.equals(before.panNumber(), after.panNumber())
                || !Objects.equals(before.aadhaarNumber(), after.aadhaarNumber())
                || !Objects.equals(before.gstNumber(), after.gstNumber());
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(UserRegistered event) {
        kycStatus = KycStatus.PENDING;
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        profile = null;
        kycStatus = KycStatus.PENDING;
        // A mandate is given as an owner; another role ends it, and coming back to owner does not revive it.
        mandatedManagers.clear();
    }

    @EventSourcingHandler
    void on(OwnerProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(OwnerKycStatusChanged event) {
        kycStatus = event.status();
    }

    @EventSourcingHandler
    void on(ManagementMandateGranted event) {
        mandatedManagers.add(event.managerId());
    }

    @EventSourcingHandler
    void on(ManagementMandateRevoked event) {
        mandatedManagers.remove(event.managerId());
    }
}
