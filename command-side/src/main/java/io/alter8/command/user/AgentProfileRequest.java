package io.alter8.command.user;

import io.alter8.api.user.AgentProfile;
import io.alter8.api.user.CommissionType;
import io.alter8.api.user.PostalCodeRange;
import io.alter8.api.user.ServiceArea;
import io.alter8.api.user.Weekday;
import io.alter8.command.validation.ReraLicenceNumber;
import io.alter8.command.web.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.user.PersonalInput.compact;
import static io.alter8.command.user.PersonalInput.text;

/**
 * {@code PUT /api/users/{id}/agent-profile}: the whole agent profile. A RERA licence is public (RERA authorities
 * publish them), so it is not encrypted. Postal codes of service areas may be Indian pincodes or US ZIP codes;
 * that a licence is required in India is the account's rule, since only it knows the country.
 */
record AgentProfileRequest(@ReraLicenceNumber String reraLicence,
                           @Future LocalDate licenceExpiry,
                           @Size(max = 255) String agencyName,
                           @ReraLicenceNumber String agencyReraNumber,
                           @Size(max = 20) List<@NotBlank @Size(max = 50) String> specialisations,
                           @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 2)
                           BigDecimal commissionRate,
                           @OneOf(CommissionType.class) String commissionType,
                           @Size(max = 50) List<@NotNull @Valid ServiceAreaInput> serviceAreas,
                           LocalTime preferredContactTime,
                           List<@NotNull @OneOf(Weekday.class) String> availableDays,
                           @Min(0) @Max(70) Integer experienceYears,
                           @Size(max = 20) List<@NotNull UUID> verificationDocumentIds) {

    private static final String POSTAL_CODE = "[1-9][0-9]{5}|[0-9]{5}";
    private static final String POSTAL_CODE_MESSAGE = "must be a 6-digit pincode or a 5-digit ZIP code";

    AgentProfileRequest {
        reraLicence = compact(reraLicence);
        agencyReraNumber = compact(agencyReraNumber);
    }

    record ServiceAreaInput(@NotBlank @Size(max = 100) String city,
                            @Size(max = 100) String state,
                            @Size(max = 50) List<@NotNull @Valid PostalCodeRangeInput> postalCodeRanges) {

        ServiceArea toServiceArea() {
            return new ServiceArea(city.strip(), text(state),
                                   PersonalInput.map(postalCodeRanges, r -> new PostalCodeRange(r.from(), r.to())));
        }
    }

    record PostalCodeRangeInput(@NotBlank @Pattern(regexp = POSTAL_CODE, message = POSTAL_CODE_MESSAGE) String from,
                                @NotBlank @Pattern(regexp = POSTAL_CODE, message = POSTAL_CODE_MESSAGE) String to) {
    }

    AgentProfile toProfile() {
        return new AgentProfile(reraLicence, licenceExpiry, text(agencyName), agencyReraNumber,
                                PersonalInput.map(specialisations, String::strip), commissionRate,
                                commissionType == null ? null : CommissionType.fromWire(commissionType),
                                PersonalInput.map(serviceAreas, ServiceAreaInput::toServiceArea),
                                preferredContactTime, PersonalInput.map(availableDays, Weekday::fromWire),
                                experienceYears, verificationDocumentIds);
    }
}
