package io.alter8.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The last four digits of a US Social Security number. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SsnLastFour.Validator.class)
public @interface SsnLastFour {

    String message() default "must be the last 4 digits of an SSN (not 0000)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SsnLastFour, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || UsIds.isSsnLastFour(value);
        }
    }
}
