package io.alter8.api.user;

import io.alter8.api.common.Address;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.NotificationChannel;

import java.util.List;
import java.util.UUID;

/**
 * What an owner tells about themselves (marketplace model, {@code owner_profiles}): business, KYC numbers, address,
 * bank details and preferences. PAN, Aadhaar, GSTIN (it contains the PAN) and the bank account number are encrypted.
 * {@code kycDocumentIds} name uploaded documents. The KYC review itself ({@code kyc_status}, {@code verified_at},
 * {@code verified_by}) is not part of it: see {@link OwnerKycStatusChanged}. The marketplace model's
 * {@code preferred_language} belongs to every user: see {@link UserRegistered}.
 */
public record OwnerProfile(String companyName,
                           BusinessType businessType,
                           EncryptedValue panNumber,
                           EncryptedValue aadhaarNumber,
                           EncryptedValue gstNumber,
                           Address address,
                           List<UUID> kycDocumentIds,
                           BankAccount bankAccount,
                           List<NotificationChannel> notificationChannels) {

    public OwnerProfile {
        kycDocumentIds = Lists.copy(kycDocumentIds);
        notificationChannels = Lists.sortedSet(notificationChannels);
    }
}
