package io.alter8.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An Indian PAN ({@code ABCPE1234F}) whose 4th letter is a holder type ({@link IndianIds#isPan}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PanNumber.Validator.class)
public @interface PanNumber {

    String message() default "must be a PAN like ABCPE1234F, its 4th letter the holder type (one of P, C, H, F, A, T, B, L, J, G)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PanNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IndianIds.isPan(value);
        }
    }
}
