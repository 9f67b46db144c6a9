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
 * A GST identification number: 2-digit state code, the holder's PAN, entity number, {@code Z}, check character
 * ({@link IndianIds#isGstin}). A mistyped character fails the check and is told apart from a wrong layout.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Gstin.Validator.class)
public @interface Gstin {

    String message() default "must be a GSTIN like 27AAPFU0939F1ZV: state code, PAN, entity number, Z, check character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Gstin, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || IndianIds.isGstin(value)) {
                return true;
            }
            if (IndianIds.hasGstinShape(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                        "is not a valid GSTIN: its check character does not match (mistyped?)")
                       .addConstraintViolation();
            }
            return false;
        }
    }
}
