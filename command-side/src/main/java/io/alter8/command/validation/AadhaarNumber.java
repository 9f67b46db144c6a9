package io.alter8.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An Aadhaar number: 12 digits, the first not 0 or 1, the last a Verhoeff check digit. A mistyped digit fails the
 * check and is told apart from a wrong shape.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AadhaarNumber.Validator.class)
public @interface AadhaarNumber {

    String message() default "must be a 12-digit Aadhaar number that does not start with 0 or 1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AadhaarNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || IndianIds.isAadhaar(value)) {
                return true;
            }
            if (IndianIds.hasAadhaarShape(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "is not a valid Aadhaar number: its check digit does not match (mistyped?)")
                       .addConstraintViolation();
            }
            return false;
        }
    }
}
