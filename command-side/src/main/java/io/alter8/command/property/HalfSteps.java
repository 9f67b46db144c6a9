package io.alter8.command.property;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** Bathrooms are counted in halves (one decimal place: a half bath has no shower). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HalfSteps.Validator.class)
@interface HalfSteps {

    String message() default "must be a whole or half number (1, 1.5, 2 …)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HalfSteps, BigDecimal> {

        private static final BigDecimal HALF = new BigDecimal("0.5");

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || value.remainder(HALF).signum() == 0;
        }
    }
}
