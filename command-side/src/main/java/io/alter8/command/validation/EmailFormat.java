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
 * An e-mail address one can send to: a local part of the characters RFC 5322 allows unquoted (no leading,
 * trailing or double dots) and a domain with at least one dot; at most 254 characters. Stricter than Jakarta's
 * {@code @Email}, which accepts {@code name@localhost}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EmailFormat.Validator.class)
public @interface EmailFormat {

    String message() default "must be an email address like name@example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailFormat, String> {

        private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
        private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        private static final Pattern FORMAT = Pattern.compile(
                "^" + ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.length() <= 254 && FORMAT.matcher(value).matches());
        }
    }
}
