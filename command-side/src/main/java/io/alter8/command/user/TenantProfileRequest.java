package io.alter8.command.user;

import io.alter8.api.common.Mask;
import io.alter8.api.property.PropertyType;
import io.alter8.api.user.ContactPerson;
import io.alter8.api.user.EmploymentStatus;
import io.alter8.api.user.IncomeProofType;
import io.alter8.api.user.PreferredLocation;
import io.alter8.api.user.TenantProfile;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.validation.AadhaarNumber;
import io.alter8.command.validation.PanNumber;
import io.alter8.command.validation.SsnLastFour;
import io.alter8.command.web.AddressInput;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

import static io.alter8.command.CommandArguments.today;
import static io.alter8.command.user.PersonalInput.compact;
import static io.alter8.command.user.PersonalInput.text;

/**
 * {@code PUT /api/users/{id}/tenant-profile}: the whole tenant profile, identity numbers and contacts' phones in
 * plain text; they are encrypted for the user before the command is built. As for owners, the request names no
 * country: Aadhaar and PAN have Indian formats, the SSN's last four a US one, and the account refuses numbers of the
 * other country and requires the US ones (409). The date of birth is encrypted too, so the rule that a tenant is of
 * age is checked here, where it is still readable (409 {@code tenant-under-age}, as the account would answer).
 */
record TenantProfileRequest(@Past LocalDate dateOfBirth,
                            @Size(max = 100) String occupation,
                            @OneOf(EmploymentStatus.class) String employmentStatus,
                            @Size(max = 255) String employerName,
                            @Valid AddressInput workAddress,
                            @Valid MoneyInput monthlyIncome,
                            @Valid MoneyInput annualIncome,
                            @OneOf(IncomeProofType.class) String incomeProofType,
                            @AadhaarNumber String aadhaarNumber,
                            @PanNumber String panNumber,
                            @SsnLastFour String ssnLastFour,
                            @Valid ContactPersonInput emergencyContact,
                            List<@NotNull @OneOf(PropertyType.class) String> preferredPropertyTypes,
                            @Valid MoneyInput budgetMin,
                            @Valid MoneyInput budgetMax,
                            @Size(max = 20) List<@NotNull @Valid PreferredLocationInput> preferredLocations,
                            @Valid ContactPersonInput previousLandlord,
                            @Size(max = 10) List<@NotNull @Valid ContactPersonInput> references) {

    TenantProfileRequest {
        aadhaarNumber = compact(aadhaarNumber);
        panNumber = compact(panNumber);
        ssnLastFour = compact(ssnLastFour);
    }

    /** Someone the tenant names; their name and phone are a third party's personal data and are encrypted. */
    record ContactPersonInput(@NotBlank @Size(max = 255) String name,
                              @Size(max = 50) String relation,
                              @Pattern(regexp = PersonalInput.PHONE, message = PersonalInput.PHONE_MESSAGE)
                              String phone) {

        ContactPersonInput {
            phone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s-]", "");
        }

        ContactPerson toContactPerson(PersonalInput.Sealer sealer) {
            return new ContactPerson(sealer.seal(name.strip(), Mask.NAME), text(relation),
                                     sealer.seal(phone, Mask.PHONE));
        }
    }

    record PreferredLocationInput(@Size(max = 100) String area,
                                  @NotBlank @Size(max = 100) String city,
                                  @Size(max = 100) String state) {
    }

    private static final int ADULT_AGE = 18;

    TenantProfile toProfile(PersonalInput.Sealer sealer) {
        if (dateOfBirth != null && dateOfBirth.plusYears(ADULT_AGE).isAfter(today())) {
            throw new DomainRuleViolation("tenant-under-age", "a tenant must be at least " + ADULT_AGE
                    + " to sign a lease");
        }
        return new TenantProfile(
                dateOfBirth == null ? null : sealer.seal(dateOfBirth.toString(), Mask.HIDDEN), text(occupation),
                employmentStatus == null ? null : EmploymentStatus.fromWire(employmentStatus), text(employerName),
                workAddress == null ? null : workAddress.toAddress(),
                monthlyIncome == null ? null : monthlyIncome.toMoney(),
                annualIncome == null ? null : annualIncome.toMoney(),
                incomeProofType == null ? null : IncomeProofType.fromWire(incomeProofType),
                sealer.seal(aadhaarNumber, Mask.LAST_FOUR), sealer.seal(panNumber, Mask.LAST_FOUR),
                sealer.seal(ssnLastFour, Mask.LAST_FOUR),
                emergencyContact == null ? null : emergencyContact.toContactPerson(sealer),
                PersonalInput.map(preferredPropertyTypes, PropertyType::fromWire),
                budgetMin == null ? null : budgetMin.toMoney(), budgetMax == null ? null : budgetMax.toMoney(),
                PersonalInput.map(preferredLocations,
                                  l -> new PreferredLocation(text(l.area()), l.city().strip(), text(l.state()))),
                previousLandlord == null ? null : previousLandlord.toContactPerson(sealer),
                PersonalInput.map(references, r -> r.toContactPerson(sealer)));
    }
}
