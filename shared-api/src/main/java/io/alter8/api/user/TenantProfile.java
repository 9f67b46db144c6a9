package io.alter8.api.user;

import io.alter8.api.common.Address;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Money;
import io.alter8.api.property.PropertyType;

import java.util.List;

/**
 * What a tenant tells about themselves: the marketplace model's {@code tenant_profiles} and the management model's
 * {@code tenants} together — personal and work details, income, identity numbers (Aadhaar and PAN in India, the SSN's
 * last four in the US, all encrypted), the date of birth (encrypted, ISO {@code 1990-04-01}), emergency contact,
 * rental preferences and references. The screening (background and credit check status, report, credit score) is
 * {@link TenantScreeningRecorded}.
 */
public record TenantProfile(EncryptedValue dateOfBirth,
                            String occupation,
                            EmploymentStatus employmentStatus,
                            String employerName,
                            Address workAddress,
                            Money monthlyIncome,
                            Money annualIncome,
                            IncomeProofType incomeProofType,
                            EncryptedValue aadhaarNumber,
                            EncryptedValue panNumber,
                            EncryptedValue ssnLastFour,
                            ContactPerson emergencyContact,
                            List<PropertyType> preferredPropertyTypes,
                            Money budgetMin,
                            Money budgetMax,
                            List<PreferredLocation> preferredLocations,
                            ContactPerson previousLandlord,
                            List<ContactPerson> references) {

    public TenantProfile {
        preferredPropertyTypes = Lists.sortedSet(preferredPropertyTypes);
        preferredLocations = Lists.copy(preferredLocations);
        references = Lists.copy(references);
    }
}
