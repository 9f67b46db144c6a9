package io.alter8.command.web;

import io.alter8.api.common.Address;
import io.alter8.command.validation.IndianIds;
import io.alter8.command.validation.UsIds;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.function.Predicate;

/** An address as clients send it; the postal code is checked against the country's format. */
@AddressInput.PostalCodeOfCountry
public record AddressInput(@NotBlank @Size(max = 255) String line1,
                           @Size(max = 255) String line2,
                           @NotBlank @Size(max = 100) String city,
                           @NotBlank @Size(max = 100) String state,
                           @NotBlank String postalCode,
                           @NotBlank @Pattern(regexp = "IN|US", message = "must be IN or US") String country) {

    public Address toAddress() {
        return new Address(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(), city.strip(),
                           state.strip(), postalCode.strip(), country);
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PostalCodeValidator.class)
    @interface PostalCodeOfCountry {

        String message() default "is not a valid postal code for the country";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class PostalCodeValidator implements ConstraintValidator<PostalCodeOfCountry, AddressInput> {

        /** India: 6-digit pincode, no leading zero. US: ZIP or ZIP+4. */
        private static final Map<String, Predicate<String>> FORMATS = Map.of(
                "IN", IndianIds::isPincode, "US", UsIds::isZip);
        private static final Map<String, String> EXPECTED = Map.of(
                "IN", "must be a 6-digit Indian pincode", "US", "must be a US ZIP code (12345 or 12345-6789)");

        @Override
        public boolean isValid(AddressInput address, ConstraintValidatorContext context) {
            if (address == null || address.postalCode() == null || address.postalCode().isBlank()) {
                return true;
            }
            var format = FORMATS.get(address.country());
            if (format == null || format.test(address.postalCode().strip())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(EXPECTED.get(address.country()))
                   .addPropertyNode("postalCode")
                   .addConstraintViolation();
            return false;
        }
    }
}
