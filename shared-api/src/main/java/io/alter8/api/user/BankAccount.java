package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;

/**
 * Where an owner's rent is paid (marketplace model, {@code owner_profiles}). The account number is encrypted; the IFSC
 * (Indian accounts) is a public branch code and stays readable. The holder's name is encrypted too (masked
 * {@code A***}).
 */
public record BankAccount(EncryptedValue accountNumber, String ifscCode, String bankName,
                          EncryptedValue accountHolderName) {
}
