package io.alter8.command.user;

import io.alter8.api.common.Mask;
import io.alter8.api.common.NotificationChannel;
import io.alter8.api.user.BankAccount;
import io.alter8.api.user.BusinessType;
import io.alter8.api.user.OwnerProfile;
import io.alter8.command.validation.AadhaarNumber;
import io.alter8.command.validation.Gstin;
import io.alter8.command.validation.IfscCode;
import io.alter8.command.validation.IndianIds;
import io.alter8.command.validation.PanNumber;
import io.alter8.command.web.AddressInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.PersonalInput.compact;
import static io.alter8.command.user.PersonalInput.text;

/**
 * {@code PUT /api/users/{id}/owner-profile}: the whole owner profile, identity numbers and bank account in plain
 * text (over TLS); they are encrypted for the user before the command is built.
 * <p>
 * The request names no country: each identity field has one country's format (PAN, Aadhaar, GSTIN and IFSC are
 * Indian), so the format of every filled field is checked here, and the account, which knows its country, refuses
 * Indian numbers on a US account (409). Asking the client to repeat the country would only add a field that can
 * disagree with the account; reading the account here would duplicate what the aggregate already decides.
 */
record OwnerProfileRequest(@Size(max = 255) String companyName,
                           @NotNull @OneOf(BusinessType.class) String businessType,
                           @PanNumber String panNumber,
                           @AadhaarNumber String aadhaarNumber,
                           @Gstin String gstNumber,
                           @Valid AddressInput address,
                           @Size(max = 20) List<@NotNull UUID> kycDocumentIds,
                           @Valid BankAccountInput bankAccount,
                           List<@NotNull @OneOf(NotificationChannel.class) String> notificationChannels) {

    OwnerProfileRequest {
        panNumber = compact(panNumber);
        aadhaarNumber = compact(aadhaarNumber);
        gstNumber = compact(gstNumber);
    }

    /** Where rent is paid. Account numbers: 6 to 18 digits covers Indian banks (9–18) and US ones (up to 17). */
    record BankAccountInput(@NotBlank @Pattern(regexp = "[0-9]{6,18}", message = "must be 6 to 18 digits")
                            String accountNumber,
                            @IfscCode String ifscCode,
                            @Size(max = 255) String bankName,
                            @NotBlank @Size(max = 255) String accountHolderName) {

        BankAccountInput {
            accountNumber = compact(accountNumber);
            ifscCode = compact(ifscCode);
        }

        BankAccount toBankAccount(PersonalInput.Sealer sealer) {
            return new BankAccount(sealer.seal(accountNumber, Mask.LAST_FOUR), ifscCode, text(bankName),
                                   sealer.seal(accountHolderName.strip(), Mask.NAME));
        }
    }

    /** A GSTIN embeds its holder's PAN: with both given, they must be the same holder's. */
    @AssertTrue(message = "must contain the PAN given in panNumber")
    boolean isGstNumberOfPan() {
        return gstNumber == null || panNumber == null || !IndianIds.hasGstinShape(gstNumber)
                || IndianIds.panOfGstin(gstNumber).equals(panNumber);
    }

    OwnerProfile toProfile(PersonalInput.Sealer sealer) {
        return new OwnerProfile(text(companyName), BusinessType.fromWire(businessType),
                                sealer.seal(panNumber, Mask.LAST_FOUR), sealer.seal(aadhaarNumber, Mask.LAST_FOUR),
                                sealer.seal(gstNumber, Mask.LAST_FOUR),
                                address == null ? null : address.toAddress(), kycDocumentIds,
                                bankAccount == null ? null : bankAccount.toBankAccount(sealer),
                                PersonalInput.map(notificationChannels, NotificationChannel::fromWire));
    }
}
