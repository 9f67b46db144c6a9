package io.alter8.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A password worth accepting: 12 to 200 characters (Argon2id takes any length; 200 bounds the work of hashing),
 * and not one of the common or breached passwords shipped in {@code passwords/common.txt}, nor one of them with
 * digits or symbols around it ({@code Password2024!}), in any case. Length is the strength that matters; the list
 * catches what attackers try first in a spraying run.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongPassword.Validator.class)
public @interface StrongPassword {

    int MIN_LENGTH = 12;
    int MAX_LENGTH = 200;

    String message() default "must be 12 to 200 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StrongPassword, String> {

        private static final DictionaryRule COMMON = new DictionaryRule(new WordListDictionary(load()));

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
                return false;
            }
            if (isCommon(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is too common or known from a breach: choose another")
                       .addConstraintViolation();
                return false;
            }
            return true;
        }

        static boolean isCommon(String password) {
            String lower = password.strip().toLowerCase(Locale.ROOT);
            String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
            return listed(lower) || !core.isEmpty() && listed(core);
        }

        private static boolean listed(String candidate) {
            return !COMMON.validate(new PasswordData(candidate)).isValid();
        }

        private static ArrayWordList load() {
            try (InputStream in = StrongPassword.class.getResourceAsStream("/passwords/common.txt")) {
                if (in == null) {
                    throw new IllegalStateException("passwords/common.txt is missing from the build");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return WordLists.createFromReader(new Reader[] {reader}, false, new ArraysSort());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
