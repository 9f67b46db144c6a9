package io.alter8.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A RERA registration number. The data model states no format, and each state's authority has its own
 * ({@code A51900012345} in Maharashtra, {@code PRM/KA/RERA/1251/309/AG/180515/001234} in Karnataka), so only the
 * characters they use are allowed: 3 to 50 (the column's width) upper-case letters, digits, {@code /} and {@code -},
 * starting with a letter or digit.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReraLicenceNumber.Validator.class)
public @interface ReraLicenceNumber {

    String message() default "must be a RERA registration number: 3 to 50 capital letters, digits, '/' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReraLicenceNumber, String> {

        private static final Pattern FORMAT = Pattern.compile("^[A-Z0-9][A-Z0-9/-]{2,49}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FORMAT.matcher(value).matches();
        }
    }
}
